import type { ReactNode } from "react";
import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { formatDateTime } from "@/i18n/format";
import type { RequestRatingSummary } from "@/server/requests/request-rating";

// The requester's rating of the request, for the agent working it (docs/product.md §4.5): Good or Bad
// in words and a symbol, their comment, who rated and when, and until when it may still change.
// Nothing while the request cannot be rated and was never rated.

export async function SatisfactionSummary({ summary }: { summary: RequestRatingSummary }) {
  const { rating, openUntil } = summary;
  if (!rating && !openUntil) return null;
  const [t, locale, timeZone] = await Promise.all([getTranslations("agentRequest"), getLocale(), getTimeZone()]);
  const when = (date: Date) => ({
    when: formatDateTime(date, locale, timeZone),
    time: (chunks: ReactNode) => (
      <time dateTime={date.toISOString()} className="whitespace-nowrap">
        {chunks}
      </time>
    ),
  });

  return (
    <section aria-labelledby="satisfaction-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="satisfaction-heading" className="text-lg font-semibold">
        {t("rating.heading")}
      </h2>
      {rating ? (
        <div className="mt-3 space-y-2 text-sm">
          <p
            className={`inline-flex items-center gap-2 rounded-full px-3 py-1 font-semibold ring-1 ring-inset ${rating.score === "good" ? "bg-emerald-50 text-emerald-900 ring-emerald-300" : "bg-red-50 text-red-900 ring-red-300"}`}
          >
            <span aria-hidden="true">{rating.score === "good" ? "👍" : "👎"}</span>
            {t("rating.score", { score: rating.score })}
          </p>
          {rating.comment ? (
            <blockquote className="whitespace-pre-wrap break-words border-l-4 border-slate-300 pl-3 text-slate-800">{rating.comment}</blockquote>
          ) : (
            <p className="text-slate-600">{t("rating.noComment")}</p>
          )}
          <p className="text-slate-700">{t.rich("rating.by", { name: rating.raterName, ...when(rating.updatedAt) })}</p>
        </div>
      ) : (
        <p className="mt-3 text-sm text-slate-700">{t("rating.none")}</p>
      )}
      <p className="mt-2 text-xs text-slate-600">{openUntil ? t.rich("rating.openUntil", when(openUntil)) : t("rating.closed")}</p>
    </section>
  );
}
