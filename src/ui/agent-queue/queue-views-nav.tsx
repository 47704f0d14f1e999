import Link from "next/link";
import { getTranslations } from "@/server/entry/translations";
import { currentQueueView, QUEUE_VIEW_FILTERS, QUEUE_VIEWS, type QueueViewName } from "@/domain/queue-views";
import type { BoundedCount } from "@/server/requests/list-queue";
import { focusRing } from "@/ui/styles";
import { savedViewHref, type QueueView } from "./queue-href";

/** The saved views as one line of links, each with its live count; the one shown is marked current. */
export async function QueueViewsNav({ view, counts }: { view: QueueView; counts: Record<QueueViewName, BoundedCount> }) {
  const t = await getTranslations("agentQueue.views");
  const current = currentQueueView(view);
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-1">
        {QUEUE_VIEWS.map((name) => {
          const here = name === current;
          return (
            <li key={name}>
              <Link
                href={savedViewHref(view, QUEUE_VIEW_FILTERS[name])}
                aria-current={here ? "page" : undefined}
                className={`inline-flex items-center gap-1.5 rounded-md px-2.5 py-1 text-sm font-medium ${focusRing} ${here ? "bg-indigo-600 text-white" : "text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-100"}`}
              >
                {t(name)}
                <span className={`rounded-full px-1.5 text-xs font-semibold tabular-nums ${here ? "bg-white text-indigo-800" : name === "breached" && counts[name].count > 0 ? "bg-red-100 text-red-800" : "bg-slate-100 text-slate-700"}`}>
                  <span aria-hidden="true">{t(counts[name].exact ? "badge" : "badgeMore", { count: counts[name].count })}</span>
                  <span className="sr-only">{t(counts[name].exact ? "count" : "countMore", { count: counts[name].count })}</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
