import { getTranslations } from "@/server/entry/translations";
import { getDatabase } from "@/server/db";
import { requireAgentViewer } from "@/server/entry/viewer";
import { getSatisfactionFigure } from "@/server/requests/satisfaction-figure";

// The queue's satisfaction figure (docs/product.md §4.5): the share of good ratings of the last 30
// days and how many there were. Reads its own figure, so the queue places it with one line.

export async function SatisfactionFigure() {
  const viewer = await requireAgentViewer("/agent");
  const outcome = await getSatisfactionFigure(getDatabase(), viewer);
  if (!outcome.ok) return null;
  const { good, bad, percent, days } = outcome.figure;
  const t = await getTranslations("agentQueue");
  return (
    <section aria-labelledby="satisfaction-figure-heading" className="inline-flex flex-wrap items-baseline gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white px-4 py-2 shadow-sm">
      <h2 id="satisfaction-figure-heading" className="text-sm font-medium text-slate-700">
        {t("satisfaction.label", { days })}
      </h2>
      {percent === null ? (
        <p className="text-sm text-slate-700">{t("satisfaction.none")}</p>
      ) : (
        <>
          <p className="text-lg font-semibold">{t("satisfaction.percent", { percent })}</p>
          <p className="text-sm text-slate-700">{t("satisfaction.count", { count: good + bad, good, bad })}</p>
        </>
      )}
    </section>
  );
}
