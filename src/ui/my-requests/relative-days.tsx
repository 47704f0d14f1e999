import { formatDateTime, formatRelativeTime } from "@/i18n/format";
import type { DateFormat } from "@/ui/row-labels";

/** "3 hours ago", "yesterday", "4 days ago" since `date`, with the exact moment in the viewer's time zone on hover. */
export function RelativeDays({ date, now, format: { locale, timeZone } }: { date: Date; now: Date; format: DateFormat }) {
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date, locale, timeZone)} className="whitespace-nowrap">
      {formatRelativeTime(date, now, locale, timeZone)}
    </time>
  );
}
