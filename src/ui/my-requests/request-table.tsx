import { getTranslations } from "@/server/entry/translations";
import type { RequestListItem } from "@/server/requests/list-requests";
import type { ListView } from "./list-href";
import { LiveRows } from "./live-rows";
import { RelativeDays } from "./relative-days";
import { SortHeader } from "./sort-header";
import { PriorityBadge } from "@/ui/priority-badge";
import { MatchSnippet, MergedIntoNote, SubjectLink } from "@/ui/request-list-cells";
import { rowLabels } from "@/ui/row-labels";
import { StatusBadge } from "@/ui/status-badge";

// My Requests' columns, exactly and in this order (docs/product.md §2); the Organization scope adds who
// asked, after them, since those requests are not all the viewer's own.
export async function RequestTable({ items, view, now }: { items: RequestListItem[]; view: ListView; now: Date }) {
  const [t, labels] = await Promise.all([getTranslations("myRequests"), rowLabels()]);
  const searching = view.q !== "";
  const showRequester = view.scope === "organization";
  const scopeName = t(`scopes.${view.scope}`);
  const headerClass = "px-4 py-3 text-left text-sm font-semibold text-slate-700";
  // Below the md breakpoint each row is a card: the subject across, the other columns two by two,
  // the date columns named by their header (data-label), so a phone shows everything without scrolling.
  // What every row and cell share is `.request-table`'s (globals.css); each cell adds only its place.
  const columns = { created: t("columns.created"), lastActivity: t("columns.lastActivity"), requester: t("columns.requester") };
  const priorityName = t("filters.priority");

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      {/* The rows on this page stay current while it is open. */}
      <LiveRows requestIds={items.map((item) => item.id)} />
      <table className="request-table min-w-full divide-y divide-slate-200 text-sm max-md:block">
        <caption className="sr-only">
          {searching ? t("searchCaption", { scope: scopeName, query: view.q, sort: view.sort, order: view.order }) : t("caption", { scope: scopeName, sort: view.sort, order: view.order })}
        </caption>
        <thead className="bg-slate-50 max-md:hidden">
          <tr>
            <th scope="col" className={headerClass}>
              {t("columns.subject")}
            </th>
            <th scope="col" className={headerClass}>
              {t("columns.id")}
            </th>
            <SortHeader view={view} column="created" label={t("columns.created")} className={headerClass} />
            <SortHeader view={view} column="activity" label={t("columns.lastActivity")} className={headerClass} />
            <th scope="col" className={headerClass}>
              {t("columns.status")}
            </th>
            {showRequester && (
              <th scope="col" className={headerClass}>
                {t("columns.requester")}
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 max-md:block">
          {items.map((item) => (
            <tr key={item.id}>
              <td className="max-w-xl max-md:col-span-2">
                <SubjectLink href={`/requests/${item.id}`} subject={item.subject} />
                <p className="mt-0.5 text-xs">
                  <span className="sr-only">{priorityName}: </span>
                  <PriorityBadge priority={item.priority} label={labels.priority[item.priority]} />
                </p>
                {item.match && <MatchSnippet label={t("match.in", { source: t(`match.${item.match.source}`) })} snippet={item.match.snippet} />}
              </td>
              <td className="whitespace-nowrap tabular-nums">#{item.id}</td>
              <td data-label={columns.created} className="max-md:row-start-3">
                <RelativeDays date={item.createdAt} now={now} format={labels} />
              </td>
              <td data-label={columns.lastActivity} className="max-md:row-start-3">
                <RelativeDays date={item.lastActivityAt} now={now} format={labels} />
              </td>
              <td className="max-md:col-start-2 max-md:row-start-2">
                <StatusBadge status={item.status} label={labels.status[item.status]} />
                {item.mergedIntoId !== null && <MergedIntoNote id={item.mergedIntoId} label={t("merged.into", { id: String(item.mergedIntoId) })} />}
              </td>
              {showRequester && (
                <td data-label={columns.requester} className="whitespace-nowrap max-md:col-span-2">
                  {item.requesterName}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
