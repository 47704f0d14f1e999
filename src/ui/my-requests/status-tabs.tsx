import Link from "next/link";
import { getTranslations } from "@/server/entry/translations";
import { REQUEST_STATUSES, STATUS_DEFINITIONS, type RequestStatus } from "@/domain";
import type { ListCount } from "@/server/requests/list-counts";
import { focusRing } from "@/ui/styles";
import { statusCountLabel } from "./count-label";
import { listHref, type ListView } from "./list-href";

/**
 * All / Open / Pending / On-hold / Solved, each with how many requests it holds in the view's
 * scope, search and priority filter; a link that keeps them and shows just that status.
 */
export async function StatusTabs({ view, statuses }: { view: ListView; statuses: Record<RequestStatus, ListCount> }) {
  const [t, tRoot] = await Promise.all([getTranslations("myRequests.statusTabs"), getTranslations()]);
  const all: ListCount = {
    count: REQUEST_STATUSES.reduce((sum, status) => sum + statuses[status].count, 0),
    exact: REQUEST_STATUSES.every((status) => statuses[status].exact),
  };
  const tabs = [
    { key: "all", label: t("all"), count: all, status: [] as RequestStatus[] },
    ...REQUEST_STATUSES.map((status) => ({ key: status, label: tRoot(STATUS_DEFINITIONS[status].labelKey), count: statuses[status], status: [status] })),
  ];
  const current = (status: RequestStatus[]) => status.length === view.status.length && status.every((value) => view.status.includes(value));

  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-2">
        {tabs.map((tab) => {
          const selected = current(tab.status);
          const count = statusCountLabel(tab.count);
          return (
            <li key={tab.key}>
              <Link
                href={listHref({ ...view, status: tab.status })}
                aria-current={selected ? "page" : undefined}
                className={`inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm font-medium ${focusRing} ${
                  selected ? "border-indigo-600 bg-indigo-50 text-indigo-800" : "border-slate-300 bg-white text-slate-700 hover:border-slate-400 hover:text-slate-900"
                }`}
              >
                {tab.label}
                <span data-testid="status-count" className="rounded-full bg-slate-100 px-1.5 text-xs tabular-nums text-slate-700">
                  {t(`count.${count.key}`, count.values)}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
