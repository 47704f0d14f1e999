import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { formatDateTime, formatRelativeDuration } from "@/i18n/format";
import type { SlaState } from "@/domain";

// The state is said in words next to the colour, never by colour alone.
const BADGES = {
  breached: "bg-red-50 text-red-800 ring-red-300",
  due_soon: "bg-amber-50 text-amber-900 ring-amber-300",
} as const satisfies Partial<Record<SlaState, string>>;

/** When support owes its next update: relative, the exact moment in the viewer's time zone on hover, and a badge when late or close. */
export async function DueTime({ dueAt, state, now }: { dueAt: Date | null; state: SlaState; now: Date }) {
  const [t, locale, timeZone] = await Promise.all([getTranslations("agentQueue.due"), getLocale(), getTimeZone()]);
  if (!dueAt) return <span className="text-slate-600">{t("none")}</span>;
  return (
    <span className="inline-flex items-center gap-1.5">
      <time dateTime={dueAt.toISOString()} title={formatDateTime(dueAt, locale, timeZone)} className="whitespace-nowrap">
        {formatRelativeDuration(dueAt, now, locale)}
      </time>
      {state !== "fine" && (
        <span className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${BADGES[state]}`}>{t(state)}</span>
      )}
    </span>
  );
}
