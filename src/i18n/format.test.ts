import { describe, expect, it } from "vitest";
import { canonicalTimeZone, countCalendarDays, formatDate, formatDateTime, formatRelativeDuration, formatRelativeTime, supportedTimeZones } from "./format";

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

describe("formatDate", () => {
  it.each([
    ["en", "June 3, 2025"],
    ["ko", "2025년 6월 3일"],
    ["it", "3 giugno 2025"],
  ] as const)("%s shows the date without a time", (locale, expected) => {
    expect(formatDate(at("2025-06-03T23:59:59.999Z"), locale)).toBe(expected);
  });

  it("shows the time zone's calendar date", () => {
    expect(formatDate(at("2025-06-03T23:30:00Z"), "en", "Asia/Seoul")).toBe("June 4, 2025");
    expect(formatDate(at("2025-06-03T02:00:00Z"), "en", "America/New_York")).toBe("June 2, 2025");
  });
});

describe("formatRelativeTime", () => {
  const now = at("2025-06-10T12:00:00Z");
  const cases: Array<[instant: string, locale: "en" | "ko" | "it", expected: string]> = [
    ["2025-06-06T09:00:00Z", "en", "4 days ago"],
    ["2025-06-06T09:00:00Z", "ko", "4일 전"],
    ["2025-06-06T09:00:00Z", "it", "4 giorni fa"],
    ["2025-06-10T09:00:00Z", "en", "3 hours ago"],
    ["2025-06-10T09:00:00Z", "ko", "3시간 전"],
    ["2025-06-10T09:00:00Z", "it", "3 ore fa"],
    ["2025-06-10T11:55:00Z", "en", "5 minutes ago"],
    ["2025-06-10T11:55:00Z", "ko", "5분 전"],
    ["2025-06-10T11:55:00Z", "it", "5 minuti fa"],
    ["2025-06-10T11:59:30Z", "en", "now"],
    ["2025-06-10T11:59:30Z", "ko", "지금"],
    ["2025-06-10T11:59:30Z", "it", "ora"],
    ["2025-06-09T08:00:00Z", "en", "yesterday"],
    ["2025-06-09T08:00:00Z", "ko", "어제"],
    ["2025-06-09T08:00:00Z", "it", "ieri"],
    // Two days back has its own word in Korean and Italian.
    ["2025-06-08T08:00:00Z", "en", "2 days ago"],
    ["2025-06-08T08:00:00Z", "ko", "그저께"],
    ["2025-06-08T08:00:00Z", "it", "l’altro ieri"],
    ["2025-03-10T12:00:00Z", "en", "3 months ago"],
    ["2025-03-10T12:00:00Z", "it", "3 mesi fa"],
    ["2023-06-01T12:00:00Z", "en", "2 years ago"],
    ["2023-06-01T12:00:00Z", "ko", "2년 전"],
  ];

  it.each(cases)("%s in %s reads %s", (instant, locale, expected) => {
    expect(formatRelativeTime(at(instant), now, locale)).toBe(expected);
  });

  it("counts days on the reader's calendar", () => {
    // 20:00 UTC on the 9th is already the 10th in Seoul: hours ago there, not yesterday.
    expect(formatRelativeTime(at("2025-06-09T20:00:00Z"), now, "en", "UTC")).toBe("yesterday");
    expect(formatRelativeTime(at("2025-06-09T20:00:00Z"), now, "en", "Asia/Seoul")).toBe("16 hours ago");
    // Late last night, a few hours ago, reads in hours rather than as yesterday.
    expect(formatRelativeTime(at("2025-06-09T23:00:00Z"), at("2025-06-10T02:00:00Z"), "en")).toBe("3 hours ago");
  });

  it("reads a future instant (clock skew) as now, and refuses an invalid date", () => {
    expect(formatRelativeTime(at("2025-06-11T12:00:00Z"), now, "en")).toBe("now");
    expect(() => formatRelativeTime(new Date(Number.NaN), now, "en")).toThrow(RangeError);
  });
});

describe("time zones", () => {
  it("lists the runtime's IANA zones, UTC included", () => {
    const zones = supportedTimeZones();
    expect(zones).toContain("Asia/Seoul");
    expect(zones).toContain("Europe/Rome");
    expect(zones).toContain("UTC");
  });

  it("accepts IANA zones in the runtime's spelling and refuses anything else", () => {
    expect(canonicalTimeZone("Asia/Seoul")).toBe("Asia/Seoul");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    // Two names of one zone become the one the zone list uses.
    expect(supportedTimeZones()).toContain(canonicalTimeZone("Asia/Kolkata"));
    expect(supportedTimeZones()).toContain(canonicalTimeZone("US/Eastern"));
    for (const wrong of ["", "+09:00", "KST", "Mars/Olympus_Mons", "Asia/Seoul; drop", "../etc/passwd", 9, null]) {
      expect(canonicalTimeZone(wrong)).toBeNull();
    }
  });
});

describe("formatRelativeDuration", () => {
  const now = at("2025-06-10T12:00:00Z");
  const cases: Array<[instant: string, locale: "en" | "ko" | "it", expected: string]> = [
    ["2025-06-10T12:45:00Z", "en", "in 45 minutes"],
    ["2025-06-10T12:45:00Z", "ko", "45분 후"],
    ["2025-06-10T12:45:00Z", "it", "tra 45 minuti"],
    ["2025-06-10T08:30:00Z", "en", "3 hours ago"],
    ["2025-06-12T13:00:00Z", "en", "in 2 days"],
    ["2025-06-12T13:00:00Z", "ko", "모레"],
    ["2025-06-11T12:00:00Z", "it", "domani"],
    ["2025-06-07T11:00:00Z", "en", "3 days ago"],
    ["2025-06-10T12:00:30Z", "en", "this minute"],
  ];

  it.each(cases)("%s in %s reads %s", (instant, locale, expected) => {
    expect(formatRelativeDuration(at(instant), now, locale)).toBe(expected);
  });
});
