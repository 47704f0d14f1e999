import { getLocale, getTranslations } from "next-intl/server";
import { countCalendarDays, formatDateTime } from "@/i18n/format";

/** "today", "1 day", "3 days" since `date`, with the exact moment (UTC) on hover. */
export async function RelativeDays({ date, now }: { date: Date; now: Date }) {
  const [t, locale] = await Promise.all([getTranslations("time"), getLocale()]);
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date, locale)} className="whitespace-nowrap">
      {t("daysAgo", { count: countCalendarDays(date, now) })}
    </time>
  );
}
