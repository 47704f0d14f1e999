import { describe, expect, it } from "vitest";
import { countCalendarDays, formatDateTime } from "./format";

const at = (iso: string) => new Date(iso);

describe("countCalendarDays", () => {
  const cases: Array<[from: string, to: string, timeZone: string | undefined, expected: number]> = [
    // Same calendar day, however far apart.
    ["2025-06-03T00:00:00Z", "2025-06-03T23:59:59Z", undefined, 0],
    ["2025-06-03T10:00:00Z", "2025-06-03T10:00:00Z", "UTC", 0],
    // One midnight crossed is one day, even a minute apart; 47 hours can be two days.
    ["2025-06-03T23:59:00Z", "2025-06-04T00:01:00Z", "UTC", 1],
    ["2025-06-03T00:30:00Z", "2025-06-04T23:30:00Z", "UTC", 1],
    ["2025-06-03T23:30:00Z", "2025-06-05T22:30:00Z", "UTC", 2],
    // Month, year and leap-day boundaries.
    ["2025-01-31T12:00:00Z", "2025-03-01T12:00:00Z", "UTC", 29],
    ["2024-02-28T12:00:00Z", "2024-03-01T12:00:00Z", "UTC", 2],
    ["2024-12-31T23:00:00Z", "2025-01-01T01:00:00Z", "UTC", 1],
    ["2024-06-03T12:00:00Z", "2025-06-03T12:00:00Z", "UTC", 365],
    // The time zone decides where midnight is: 14:00 UTC and 16:00 UTC fall on different days in Seoul (UTC+9)…
    ["2025-06-03T14:00:00Z", "2025-06-03T16:00:00Z", "Asia/Seoul", 1],
    // …and 22:00 UTC and 02:00 UTC the next day fall on the same day in New York (UTC-4).
    ["2025-06-03T22:00:00Z", "2025-06-04T02:00:00Z", "America/New_York", 0],
    ["2025-06-03T22:00:00Z", "2025-06-04T02:00:00Z", "UTC", 1],
    // Daylight-saving changes in Rome: 23 hours apart across a midnight is one day; 24 hours apart
    // within the 25-hour 26 October is none.
    ["2025-03-29T12:00:00Z", "2025-03-30T11:00:00Z", "Europe/Rome", 1],
    ["2025-10-25T23:30:00Z", "2025-10-26T22:30:00Z", "Europe/Rome", 0],
    // A date in the future (clock skew) counts as today, never as negative days.
    ["2025-06-05T00:00:00Z", "2025-06-03T00:00:00Z", "UTC", 0],
  ];

  it.each(cases)("%s → %s in %s is %i", (from, to, timeZone, expected) => {
    expect(countCalendarDays(at(from), at(to), timeZone)).toBe(expected);
  });

  it("refuses invalid dates and unknown time zones", () => {
    expect(() => countCalendarDays(new Date(Number.NaN), at("2025-06-03T00:00:00Z"))).toThrow(RangeError);
    expect(() => countCalendarDays(at("2025-06-03T00:00:00Z"), at("2025-06-04T00:00:00Z"), "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("formatDateTime", () => {
  const instant = at("2025-06-03T14:05:00Z");
  // Exact punctuation and day-period words come from the runtime's CLDR data and change between
  // versions, so these check the parts a reader relies on.
  const cases: Array<[locale: "en" | "ko" | "it", timeZone: string | undefined, parts: string[]]> = [
    ["en", undefined, ["June 3, 2025", "2:05", "UTC"]],
    ["ko", undefined, ["2025년 6월 3일", "2:05", "UTC"]],
    ["it", undefined, ["3 giugno 2025", "14:05", "UTC"]],
    ["it", "Europe/Rome", ["3 giugno 2025", "16:05"]],
    ["ko", "Asia/Seoul", ["2025년 6월 3일", "11:05"]],
    ["en", "America/New_York", ["June 3, 2025", "10:05"]],
  ];

  it.each(cases)("%s in %s", (locale, timeZone, parts) => {
    const text = formatDateTime(instant, locale, timeZone);
    for (const part of parts) expect(text).toContain(part);
  });

  it("shows the time zone's own calendar date", () => {
    expect(formatDateTime(at("2025-06-03T23:30:00Z"), "en", "Asia/Seoul")).toContain("June 4, 2025");
  });

  it("refuses an invalid date", () => {
    expect(() => formatDateTime(new Date(Number.NaN), "en")).toThrow(RangeError);
  });
});
