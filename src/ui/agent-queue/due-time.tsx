import type { SlaState } from "@/domain";
import { RowDateText, type RowDate } from "@/ui/row-date";

// The state is said in words next to the colour, never by colour alone.
const BADGES = {
  breached: "bg-red-50 text-red-800 ring-red-300",
  due_soon: "bg-amber-50 text-amber-900 ring-amber-300",
} as const satisfies Partial<Record<SlaState, string>>;

/** "None", and the late and close states' names, in the viewer's language. */
export type DueLabels = Record<"none" | keyof typeof BADGES, string>;

/** When support owes its next update, and how that stands against its target. */
export interface Due {
  date: RowDate;
  state: SlaState;
}

/** When support owes its next update: relative, the exact moment on hover, and a badge when late or close. */
export function DueTime({ due, labels }: { due: Due | null; labels: DueLabels }) {
  if (!due) return <span className="text-slate-600">{labels.none}</span>;
  return (
    <span className="inline-flex items-center gap-1.5">
      <RowDateText date={due.date} />
      {due.state !== "fine" && <span className={`badge px-2 py-0.5 text-xs ${BADGES[due.state]}`}>{labels[due.state]}</span>}
    </span>
  );
}
