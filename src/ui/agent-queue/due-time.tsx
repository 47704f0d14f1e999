import { formatDateTime, formatRelativeDuration } from "@/i18n/format";
import type { DateFormat } from "@/ui/row-labels";
import type { SlaState } from "@/domain";

// The state is said in words next to the colour, never by colour alone.
const BADGES = {
  breached: "bg-red-50 text-red-800 ring-red-300",
  due_soon: "bg-amber-50 text-amber-900 ring-amber-300",
} as const satisfies Partial<Record<SlaState, string>>;

/** "None", and the late and close states' names, in the viewer's language. */
export type DueLabels = Record<"none" | keyof typeof BADGES, string>;

/** When support owes its next update: relative, the exact moment in the viewer's time zone on hover, and a badge when late or close. */
export function DueTime(props: { dueAt: Date | null; state: SlaState; now: Date; labels: DueLabels; format: DateFormat }) {
  const { dueAt, state, now, labels } = props;
  const { locale, timeZone } = props.format;
  if (!dueAt) return <span className="text-slate-600">{labels.none}</span>;
  return (
    <span className="inline-flex items-center gap-1.5">
      <time dateTime={dueAt.toISOString()} title={formatDateTime(dueAt, locale, timeZone)} className="whitespace-nowrap">
        {formatRelativeDuration(dueAt, now, locale)}
      </time>
      {state !== "fine" && (
        <span className={`badge px-2 py-0.5 text-xs ${BADGES[state]}`}>{labels[state]}</span>
      )}
    </span>
  );
}
