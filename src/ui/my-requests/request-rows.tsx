"use client";

import type { PriorityCode, RequestStatus } from "@/domain";
import { PriorityBadge } from "@/ui/priority-badge";
import { MatchSnippet, MergedIntoNote, SubjectLink, type RowMatch } from "@/ui/request-list-cells";
import { RowDateText, type RowDate } from "@/ui/row-date";
import type { BadgeLabels } from "@/ui/row-labels";
import { StatusBadge } from "@/ui/status-badge";

// My Requests' rows, laid out from their data. The server formats every text (the dates in the viewer's
// language and time zone too) and sends each row as data rather than as markup (docs/decisions/0020).

export interface RequestRow {
  id: number;
  subject: string;
  priority: PriorityCode;
  status: RequestStatus;
  created: RowDate;
  lastActivity: RowDate;
  match: RowMatch | null;
  mergedInto: { id: number; label: string } | null;
  /** Shown in the Organization scope only, whose requests are not all the viewer's own. */
  requesterName: string | null;
}

export interface RequestRowTexts extends BadgeLabels {
  priorityName: string;
  created: string;
  lastActivity: string;
  requester: string;
}

export function RequestRows({ rows, texts }: { rows: readonly RequestRow[]; texts: RequestRowTexts }) {
  return rows.map((row) => (
    <tr key={row.id}>
      <td className="max-w-xl max-md:col-span-2">
        <SubjectLink href={`/requests/${row.id}`} subject={row.subject} />
        <p className="mt-0.5 text-xs">
          <span className="sr-only">{texts.priorityName}: </span>
          <PriorityBadge priority={row.priority} label={texts.priority[row.priority]} />
        </p>
        {row.match && <MatchSnippet match={row.match} />}
      </td>
      <td className="whitespace-nowrap tabular-nums">#{row.id}</td>
      <td data-label={texts.created} className="max-md:row-start-3">
        <RowDateText date={row.created} />
      </td>
      <td data-label={texts.lastActivity} className="max-md:row-start-3">
        <RowDateText date={row.lastActivity} />
      </td>
      <td className="max-md:col-start-2 max-md:row-start-2">
        <StatusBadge status={row.status} label={texts.status[row.status]} />
        {row.mergedInto && <MergedIntoNote id={row.mergedInto.id} label={row.mergedInto.label} />}
      </td>
      {row.requesterName !== null && (
        <td data-label={texts.requester} className="whitespace-nowrap max-md:col-span-2">
          {row.requesterName}
        </td>
      )}
    </tr>
  ));
}
