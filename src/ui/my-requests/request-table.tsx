import { getTranslations } from "next-intl/server";
import { PRIORITY_DEFINITIONS } from "@/domain";
import type { RequestListItem } from "@/server/requests/list-requests";
import type { ListView } from "./list-href";
import { LiveRows } from "./live-rows";
import { RelativeDays } from "./relative-days";
import { MatchSnippet, SubjectLink } from "@/ui/request-list-cells";
import { StatusBadge } from "@/ui/status-badge";

// My Requests' columns, exactly and in this order (docs/product.md §2); the Organization scope adds who
// asked, after them, since those requests are not all the viewer's own.
export async function RequestTable({ items, view, now }: { items: RequestListItem[]; view: ListView; now: Date }) {
  const [t, tRoot] = await Promise.all([getTranslations("myRequests"), getTranslations()]);
  const searching = view.q !== "";
  const showRequester = view.scope === "organization";
  const sortedBy = (column: ListView["sort"]) =>
    !searching && view.sort === column ? (view.order === "asc" ? "ascending" : "descending") : undefined;
  const scopeName = t(`scopes.${view.scope}`);
  const headerClass = "px-4 py-3 text-left text-sm font-semibold text-slate-700";

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      {/* The rows on this page stay current while it is open. */}
      <LiveRows requestIds={items.map((item) => item.id)} />
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">
          {searching ? t("searchCaption", { scope: scopeName, query: view.q }) : t("caption", { scope: scopeName, sort: view.sort, order: view.order })}
        </caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={headerClass}>
              {t("columns.subject")}
            </th>
            <th scope="col" className={headerClass}>
              {t("columns.id")}
            </th>
            <th scope="col" className={headerClass} aria-sort={sortedBy("created")}>
              {t("columns.created")}
            </th>
            <th scope="col" className={headerClass} aria-sort={sortedBy("activity")}>
              {t("columns.lastActivity")}
            </th>
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
        <tbody className="divide-y divide-slate-100">
          {items.map((item) => (
            <tr key={item.id} className="align-top hover:bg-slate-50">
              <td className="max-w-xl px-4 py-3">
                <SubjectLink href={`/requests/${item.id}`} subject={item.subject} />
                <p className="mt-0.5 text-xs text-slate-600">
                  <span className="sr-only">{t("filters.priority")}: </span>
                  {tRoot(PRIORITY_DEFINITIONS[item.priority].labelKey)}
                </p>
                {item.match && <MatchSnippet label={t("match.in", { source: t(`match.${item.match.source}`) })} snippet={item.match.snippet} />}
              </td>
              <td className="whitespace-nowrap px-4 py-3 tabular-nums text-slate-700">#{item.id}</td>
              <td className="px-4 py-3 text-slate-700">
                <RelativeDays date={item.createdAt} now={now} />
              </td>
              <td className="px-4 py-3 text-slate-700">
                <RelativeDays date={item.lastActivityAt} now={now} />
              </td>
              <td className="px-4 py-3">
                <StatusBadge status={item.status} />
              </td>
              {showRequester && <td className="whitespace-nowrap px-4 py-3 text-slate-700">{item.requesterName}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
