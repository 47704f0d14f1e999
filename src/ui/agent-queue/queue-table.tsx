import Link from "next/link";
import { getTranslations } from "@/server/entry/translations";
import type { QueueSort } from "@/schemas/agent-queue";
import type { QueueItem } from "@/server/requests/list-queue";
import { RelativeDays } from "@/ui/my-requests/relative-days";
import { MatchSnippet, SubjectLink } from "@/ui/request-list-cells";
import { PriorityBadge } from "@/ui/priority-badge";
import { rowLabels } from "@/ui/row-labels";
import { StatusBadge } from "@/ui/status-badge";
import { focusRing } from "@/ui/styles";
import { DueTime } from "./due-time";
import { sortHref, type QueueView } from "./queue-href";
import { BULK_FORM_ID } from "./queue-dom";
import { SelectAllBox } from "./queue-selection";

// Compact rows (one line each) so that a laptop screen shows at least 15 of them. Each row's checkbox
// belongs to the bulk form above the table (the `form` attribute); `data-queue-row` is what the
// keyboard shortcuts move through.

const headerClass = "whitespace-nowrap px-2 py-1.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-700";
// The rows' looks and every body cell's (one line, padded) are `.queue-table`'s (globals.css).

const COLUMNS = ["subject", "id", "requester", "organization", "status", "priority", "assignee", "due", "created", "lastActivity"] as const;
/** The columns whose header sorts the queue, by the sorts its keyset query serves. */
const SORT_OF: Partial<Record<(typeof COLUMNS)[number], QueueSort>> = { due: "due", created: "created", lastActivity: "activity" };

export async function QueueTable({ items, caption, now, view, order }: { items: QueueItem[]; caption: string; now: Date; view: QueueView; order: "asc" | "desc" }) {
  const [t, labels] = await Promise.all([getTranslations("agentQueue"), rowLabels()]);
  const due = { none: t("due.none"), breached: t("due.breached"), due_soon: t("due.due_soon") };
  const unassigned = t("unassigned");
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="queue-table min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="w-8 px-2 py-1.5">
              <SelectAllBox label={t("bulk.selectAll")} />
            </th>
            {COLUMNS.map((column) => {
              const sort = SORT_OF[column];
              const current = sort !== undefined && sort === view.sort;
              return (
                <th key={column} scope="col" className={headerClass} aria-sort={current ? (order === "asc" ? "ascending" : "descending") : undefined}>
                  {sort ? (
                    <Link href={sortHref(view, sort, order)} className={`inline-flex items-center gap-1 rounded-sm hover:text-indigo-700 ${focusRing}`}>
                      {t(`columns.${column}`)}
                      <span aria-hidden="true" className={current ? "text-indigo-700" : "text-slate-400"}>
                        {current ? (order === "asc" ? "▲" : "▼") : "↕"}
                      </span>
                    </Link>
                  ) : (
                    t(`columns.${column}`)
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((item) => (
            <tr key={item.id} data-queue-row="">
              <td>
                <input
                  type="checkbox"
                  name="requestIds"
                  value={item.id}
                  form={BULK_FORM_ID}
                  aria-label={t("bulk.selectRow", { id: item.id })}
                  className="h-4 w-4 accent-indigo-600"
                />
              </td>
              <td className="max-w-xs whitespace-normal lg:max-w-sm">
                <div className="truncate" title={item.subject}>
                  <SubjectLink href={`/agent/requests/${item.id}`} subject={item.subject} />
                </div>
                {item.match && <MatchSnippet label={t("match.in", { source: t(`match.${item.match.source}`) })} snippet={item.match.snippet} />}
              </td>
              <td className="tabular-nums">#{item.id}</td>
              <td className="max-w-36 truncate">{item.requesterName}</td>
              <td className="max-w-36 truncate">{item.organizationName}</td>
              <td>
                <StatusBadge status={item.status} label={labels.status[item.status]} />
              </td>
              <td>
                <PriorityBadge priority={item.priority} label={labels.priority[item.priority]} />
              </td>
              <td className="max-w-36 truncate">{item.assigneeName ?? <span className="text-slate-600">{unassigned}</span>}</td>
              <td>
                <DueTime dueAt={item.responseDueAt} state={item.slaState} now={now} labels={due} format={labels} />
              </td>
              <td>
                <RelativeDays date={item.createdAt} now={now} format={labels} />
              </td>
              <td>
                <RelativeDays date={item.lastActivityAt} now={now} format={labels} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
