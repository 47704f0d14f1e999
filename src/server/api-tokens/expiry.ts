import { DAY } from "@/domain";
import { MAX_API_TOKEN_DAYS, type ApiTokenExpiry } from "@/schemas/api-tokens";

// When a new token stops working. A number of days counts from the moment it is made; a chosen date
// is the last day it works, so it expires at the midnight that ends that day in the owner's time
// zone — the zone the page showed the date picker's bounds in.

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** The instant's wall-clock reading in `timeZone`, as if that reading were UTC. */
function wallClock(instant: Date, timeZone: string): number {
  let formatter = wallClocks.get(timeZone);
  if (!formatter) {
    // Gregorian calendar, Latin digits and a 0–23 hour whatever the runtime's defaults, so the parts parse as numbers.
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, calendar: "gregory", numberingSystem: "latn", hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    wallClocks.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The calendar date ("2026-12-04") the instant falls on in `timeZone`. */
export function calendarDateIn(instant: Date, timeZone: string): string {
  return new Date(wallClock(instant, timeZone)).toISOString().slice(0, 10);
}

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The instant `date` begins in `timeZone` (the first moment after midnight, where a clock change skips it). */
export function startOfDayIn(date: string, timeZone: string): Date {
  const midnight = Date.parse(`${date}T00:00:00Z`);
  // The zone's offset at a guess, then at the corrected guess: right across a clock change too.
  const first = midnight - (wallClock(new Date(midnight), timeZone) - midnight);
  return new Date(midnight - (wallClock(new Date(first), timeZone) - first));
}

/** The first and last day a token may be set to end on, as the viewer's calendar reads today. */
export function expiryDateBounds(now: Date, timeZone: string): { min: string; max: string } {
  const today = calendarDateIn(now, timeZone);
  return { min: addDays(today, 1), max: addDays(today, MAX_API_TOKEN_DAYS) };
}

export type ExpiryAnswer = { ok: true; expiresAt: Date | null } | { ok: false; code: "expiry_date_past" | "expiry_date_too_far" };

/** When a token made `now` with this choice expires; a date before tomorrow or past a year is refused. */
export function tokenExpiry(choice: { expiry: ApiTokenExpiry; expiresOn?: string | undefined }, now: Date, timeZone: string): ExpiryAnswer {
  if (choice.expiry === "none") return { ok: true, expiresAt: null };
  if (choice.expiry !== "date") return { ok: true, expiresAt: new Date(now.getTime() + Number(choice.expiry) * DAY) };
  const date = choice.expiresOn ?? "";
  const bounds = expiryDateBounds(now, timeZone);
  if (date < bounds.min) return { ok: false, code: "expiry_date_past" };
  if (date > bounds.max) return { ok: false, code: "expiry_date_too_far" };
  return { ok: true, expiresAt: startOfDayIn(addDays(date, 1), timeZone) };
}
