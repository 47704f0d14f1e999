import { formatDateTime, formatRelativeTime } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";

/** "3 hours ago", "yesterday", "4 days ago" since `date`, with the exact moment in the viewer's time zone on hover. */
export function RelativeDays({ date, now, locale, timeZone }: { date: Date; now: Date; locale: Locale; timeZone: string }) {
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date, locale, timeZone)} className="whitespace-nowrap">
      {formatRelativeTime(date, now, locale, timeZone)}
    </time>
  );
}
