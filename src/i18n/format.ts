// Dates as the request tables show them: whole calendar days elapsed ("3 days", through the
// `time.daysAgo` message), with the exact moment in the hover title. Pure; safe on server and client.
import type { Locale } from "./locales";

const MS_PER_DAY = 86_400_000;

const calendarDateFormatters = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

function requireValid(instant: Date): void {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid date");
}

/** The instant's calendar date in `timeZone`, as a count of days since 1970-01-01. */
function calendarDayNumber(instant: Date, timeZone: string): number {
  let formatter = calendarDateFormatters.get(timeZone);
  if (!formatter) {
    // Gregorian calendar and Latin digits whatever the runtime's defaults, so the parts parse as numbers.
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      calendar: "gregory",
      numberingSystem: "latn",
    });
    calendarDateFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return Date.UTC(part("year"), part("month") - 1, part("day")) / MS_PER_DAY;
}

/**
 * Calendar days from `from` to `to` as seen on a wall calendar in `timeZone` (default UTC): 0 on the
 * same day however late, 1 across one midnight even a minute apart. Never negative: a `from` in the
 * future (clock skew) counts as today. Throws RangeError for an invalid date or unknown time zone.
 */
export function countCalendarDays(from: Date, to: Date, timeZone = "UTC"): number {
  requireValid(from);
  requireValid(to);
  return Math.max(0, calendarDayNumber(to, timeZone) - calendarDayNumber(from, timeZone));
}

/**
 * The exact date and time in the reader's language, with the time zone named: "June 3, 2025 at
 * 2:05 PM UTC", "2025년 6월 3일 오후 2:05 UTC", "3 giugno 2025 alle ore 14:05 UTC".
 */
export function formatDateTime(instant: Date, locale: Locale, timeZone = "UTC"): string {
  requireValid(instant);
  const key = `${locale}|${timeZone}`;
  let formatter = dateTimeFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      timeZone,
      year: "numeric",
      month: "long",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short",
    });
    dateTimeFormatters.set(key, formatter);
  }
  return formatter.format(instant);
}
