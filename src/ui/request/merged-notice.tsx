import Link from "next/link";
import { getTranslations } from "@/server/entry/translations";
import type { RequestPage } from "@/server/requests/get-request-page";
import { focusRing } from "@/ui/styles";

// A merged request takes no more messages (docs/product.md §4.3): in place of the reply box, where its
// conversation continues, with the link. Those who took part in it are told how to go on there; those
// who read it through the merge link are told why they can read it.

export async function MergedNotice({ page }: { page: Pick<RequestPage, "resolution" | "readsThrough" | "repliesFromAgentConsole"> }) {
  const target = page.resolution?.reason === "merged" ? page.resolution.mergedInto : null;
  if (!target) return null;
  const t = await getTranslations("request");
  const id = String(target.id);
  const hint =
    page.readsThrough === "merge_link"
      ? t("reply.readOnlyMerged", { id })
      : page.readsThrough === null && !page.repliesFromAgentConsole
        ? t("merge.noticeHint", { id })
        : null;
  return (
    <section aria-labelledby="merged-notice" className="rounded-lg border border-indigo-200 bg-indigo-50 p-4 text-sm text-slate-800">
      <p id="merged-notice" className="font-medium text-slate-900">
        {t.rich("merge.notice", {
          id,
          subject: target.subject,
          link: (chunks) => (
            <Link href={`/requests/${target.id}`} className={`rounded-sm text-indigo-800 underline hover:text-indigo-950 ${focusRing}`}>
              {chunks}
            </Link>
          ),
        })}
      </p>
      {hint && <p className="mt-1">{hint}</p>}
    </section>
  );
}
