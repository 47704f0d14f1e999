import { getTranslations } from "next-intl/server";
import type { RequestListItem } from "@/server/requests/list-requests";

/**
 * Where a search matched and the words it found. The segments are rendered as text, never as
 * HTML: the highlight is a <mark> that this component adds, not markup from the request.
 */
export async function MatchSnippet({ match }: { match: NonNullable<RequestListItem["match"]> }) {
  const t = await getTranslations("myRequests.match");
  return (
    <p className="mt-1 text-xs leading-5 text-slate-700">
      <span className="font-semibold text-slate-800">{t("in", { source: t(match.source) })}</span>{" "}
      <span className="break-words">
        {match.snippet.map((segment, index) =>
          segment.highlight ? (
            <mark key={index} className="rounded-sm bg-yellow-200 px-0.5 text-slate-900">
              {segment.text}
            </mark>
          ) : (
            <span key={index}>{segment.text}</span>
          ),
        )}
      </span>
    </p>
  );
}
