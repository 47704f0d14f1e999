import Link from "next/link";
import { getTranslations } from "@/server/entry/translations";
import type { QueueSort } from "@/schemas/agent-queue";
import type { QueueItem } from "@/server/requests/list-queue";
import { rowDate, rowDueDate, rowLabels } from "@/ui/row-labels";
import { focusRing } from "@/ui/styles";
import { sortHref, type QueueView } from "./queue-href";
import { QueueRows, type QueueRow, type QueueRowTexts } from "./queue-rows";
import { SelectAllBox } from "./queue-selection";

// Compact rows (one line each) so that a laptop screen shows at least 15 of them (QueueRows).

const headerClass = "whitespace-nowrap px-2 py-1.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-700";
// The rows' looks and every body cell's (one line, padded) are `.queue-table`'s (globals.css).

const COLUMNS = ["subject", "id", "requester", "organization", "status", "priority", "assignee", "due", "created", "lastActivity"] as const;
/** The columns whose header sorts the queue, by the sorts its keyset query serves. */
const SORT_OF: Partial<Record<(typeof COLUMNS)[number], QueueSort>> = { due: "due", created: "created", lastActivity: "activity" };

export async function QueueTable({ items, caption, now, view, order }: { items: QueueItem[]; caption: string; now: Date; view: QueueView; order: "asc" | "desc" }) {
  const [t, labels] = await Promise.all([getTranslations("agentQueue"), rowLabels()]);
  const texts: QueueRowTexts = {
    unassigned: t("unassigned"),
    due: { none: t("due.none"), breached: t("due.breached"), due_soon: t("due.due_soon") },
    status: labels.status,
    priority: labels.priority,
  };
  const rows = items.map(
    (item): QueueRow => ({
      id: item.id,
      subject: item.subject,
      selectLabel: t("bulk.selectRow", { id: item.id }),
      match: item.match && { label: t("match.in", { source: t(`match.${item.match.source}`) }), snippet: item.match.snippet },
      requesterName: item.requesterName,
      organizationName: item.organizationName,
      status: item.status,
      priority: item.priority,
      assigneeName: item.assigneeName,
      due: item.responseDueAt && { date: rowDueDate(item.responseDueAt, now, labels), state: item.slaState },
      created: rowDate(item.createdAt, now, labels),
      lastActivity: rowDate(item.lastActivityAt, now, labels),
    }),
  );
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
          <QueueRows rows={rows} texts={texts} />
        </tbody>
      </table>
    </div>
  );
}
