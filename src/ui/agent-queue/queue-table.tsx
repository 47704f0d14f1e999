import { getTranslations } from "next-intl/server";
import { PRIORITY_DEFINITIONS } from "@/domain";
import type { QueueItem } from "@/server/requests/list-queue";
import { RelativeDays } from "@/ui/my-requests/relative-days";
import { MatchSnippet, SubjectLink } from "@/ui/request-list-cells";
import { StatusBadge } from "@/ui/status-badge";
import { DueTime } from "./due-time";

const headerClass = "px-3 py-3 text-left text-sm font-semibold text-slate-700";
const cellClass = "px-3 py-3 text-slate-700";

export async function QueueTable({ items, caption, now }: { items: QueueItem[]; caption: string; now: Date }) {
  const [t, tRoot] = await Promise.all([getTranslations("agentQueue"), getTranslations()]);
  const columns = ["subject", "id", "requester", "organization", "status", "priority", "assignee", "due", "lastActivity"] as const;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className={headerClass}>
                {t(`columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((item) => (
            <tr key={item.id} className="align-top hover:bg-slate-50">
              <td className="max-w-md px-3 py-3">
                <SubjectLink href={`/agent/requests/${item.id}`} subject={item.subject} />
                {item.match && <MatchSnippet label={t("match.in", { source: t(`match.${item.match.source}`) })} snippet={item.match.snippet} />}
              </td>
              <td className={`${cellClass} whitespace-nowrap tabular-nums`}>#{item.id}</td>
              <td className={`${cellClass} whitespace-nowrap`}>{item.requesterName}</td>
              <td className={`${cellClass} whitespace-nowrap`}>{item.organizationName}</td>
              <td className="px-3 py-3">
                <StatusBadge status={item.status} />
              </td>
              <td className={`${cellClass} whitespace-nowrap`}>{tRoot(PRIORITY_DEFINITIONS[item.priority].labelKey)}</td>
              <td className={`${cellClass} whitespace-nowrap`}>{item.assigneeName ?? <span className="text-slate-600">{t("unassigned")}</span>}</td>
              <td className={cellClass}>
                <DueTime dueAt={item.responseDueAt} state={item.slaState} now={now} />
              </td>
              <td className={cellClass}>
                <RelativeDays date={item.lastActivityAt} now={now} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
