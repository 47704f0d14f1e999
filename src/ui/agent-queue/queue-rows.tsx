"use client";

import type { PriorityCode, RequestStatus } from "@/domain";
import { PriorityBadge } from "@/ui/priority-badge";
import { MatchSnippet, SubjectLink, type RowMatch } from "@/ui/request-list-cells";
import { RowDateText, type RowDate } from "@/ui/row-date";
import type { BadgeLabels } from "@/ui/row-labels";
import { StatusBadge } from "@/ui/status-badge";
import { DueTime, type Due, type DueLabels } from "./due-time";
import { BULK_FORM_ID } from "./queue-dom";

// The queue's rows, laid out from their data: the server formats every text and sends each row as data
// rather than as markup (docs/decisions/0020). Each row's checkbox belongs to the bulk form above the
// table (the `form` attribute); `data-queue-row` is what the keyboard shortcuts move through.

export interface QueueRow {
  id: number;
  subject: string;
  /** The checkbox's accessible name, "Select request #12". */
  selectLabel: string;
  match: RowMatch | null;
  requesterName: string;
  organizationName: string;
  status: RequestStatus;
  priority: PriorityCode;
  assigneeName: string | null;
  due: Due | null;
  created: RowDate;
  lastActivity: RowDate;
}

export interface QueueRowTexts extends BadgeLabels {
  unassigned: string;
  due: DueLabels;
}

export function QueueRows({ rows, texts }: { rows: readonly QueueRow[]; texts: QueueRowTexts }) {
  return rows.map((row) => (
    <tr key={row.id} data-queue-row="">
      <td>
        <input type="checkbox" name="requestIds" value={row.id} form={BULK_FORM_ID} aria-label={row.selectLabel} className="h-4 w-4 accent-indigo-600" />
      </td>
      <td className="max-w-xs whitespace-normal lg:max-w-sm">
        <div className="truncate" title={row.subject}>
          <SubjectLink href={`/agent/requests/${row.id}`} subject={row.subject} />
        </div>
        {row.match && <MatchSnippet match={row.match} />}
      </td>
      <td className="tabular-nums">#{row.id}</td>
      <td className="max-w-36 truncate">{row.requesterName}</td>
      <td className="max-w-36 truncate">{row.organizationName}</td>
      <td>
        <StatusBadge status={row.status} label={texts.status[row.status]} />
      </td>
      <td>
        <PriorityBadge priority={row.priority} label={texts.priority[row.priority]} />
      </td>
      <td className="max-w-36 truncate">{row.assigneeName ?? <span className="text-slate-600">{texts.unassigned}</span>}</td>
      <td>
        <DueTime due={row.due} labels={texts.due} />
      </td>
      <td>
        <RowDateText date={row.created} />
      </td>
      <td>
        <RowDateText date={row.lastActivity} />
      </td>
    </tr>
  ));
}
