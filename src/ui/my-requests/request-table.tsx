import { getTranslations } from "@/server/entry/translations";
import type { RequestListItem } from "@/server/requests/list-requests";
import type { ListView } from "./list-href";
import { LiveRows } from "./live-rows";
import { RequestRows, type RequestRow, type RequestRowTexts } from "./request-rows";
import { SortHeader } from "./sort-header";
import { rowDate, rowLabels } from "@/ui/row-labels";

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
  const texts: RequestRowTexts = {
    priorityName: t("filters.priority"),
    created: t("columns.created"),
    lastActivity: t("columns.lastActivity"),
    requester: t("columns.requester"),
    status: labels.status,
    priority: labels.priority,
  };
  const rows = items.map(
    (item): RequestRow => ({
      id: item.id,
      subject: item.subject,
      priority: item.priority,
      status: item.status,
      created: rowDate(item.createdAt, now, labels),
      lastActivity: rowDate(item.lastActivityAt, now, labels),
      match: item.match && { label: t("match.in", { source: t(`match.${item.match.source}`) }), snippet: item.match.snippet },
      mergedInto: item.mergedIntoId === null ? null : { id: item.mergedIntoId, label: t("merged.into", { id: String(item.mergedIntoId) }) },
      requesterName: showRequester ? item.requesterName : null,
    }),
  );

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
          <RequestRows rows={rows} texts={texts} />
        </tbody>
      </table>
    </div>
  );
}
