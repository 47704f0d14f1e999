import { getLocale, getTimeZone } from "next-intl/server";
import { formatDateTime, formatRelativeTime } from "@/i18n/format";

/** "3 hours ago", "yesterday", "4 days ago" since `date`, with the exact moment in the viewer's time zone on hover. */
export async function RelativeDays({ date, now }: { date: Date; now: Date }) {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date, locale, timeZone)} className="whitespace-nowrap">
      {formatRelativeTime(date, now, locale, timeZone)}
    </time>
  );
}
