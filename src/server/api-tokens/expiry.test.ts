import { describe, expect, it } from "vitest";
import { DAY } from "@/domain";
import { calendarDateIn, expiryDateBounds, startOfDayIn, tokenExpiry } from "./expiry";

describe("a token's expiry", () => {
  const now = new Date("2026-12-04T23:30:00Z");

  it("reads today on the viewer's calendar", () => {
    expect(calendarDateIn(now, "UTC")).toBe("2026-12-04");
    expect(calendarDateIn(now, "Asia/Seoul")).toBe("2026-12-05");
    expect(expiryDateBounds(now, "Asia/Seoul")).toEqual({ min: "2026-12-06", max: "2027-12-05" });
  });

  it("finds a day's midnight in a zone, across a clock change too", () => {
    expect(startOfDayIn("2026-12-11", "Asia/Seoul")).toEqual(new Date("2026-12-10T15:00:00Z"));
    expect(startOfDayIn("2027-03-15", "America/New_York")).toEqual(new Date("2027-03-15T04:00:00Z"));
    expect(startOfDayIn("2027-03-14", "America/New_York")).toEqual(new Date("2027-03-14T05:00:00Z"));
    expect(startOfDayIn("2026-11-01", "Europe/Rome")).toEqual(new Date("2026-10-31T23:00:00Z"));
  });

  it("counts days from now, ends a chosen date at its last midnight, or never", () => {
    expect(tokenExpiry({ expiry: "7" }, now, "UTC")).toEqual({ ok: true, expiresAt: new Date(now.getTime() + 7 * DAY) });
    expect(tokenExpiry({ expiry: "none" }, now, "UTC")).toEqual({ ok: true, expiresAt: null });
    expect(tokenExpiry({ expiry: "date", expiresOn: "2026-12-05" }, now, "UTC")).toEqual({ ok: true, expiresAt: new Date("2026-12-06T00:00:00Z") });
    // Already the 5th in Seoul: the 5th is today there, so too soon.
    expect(tokenExpiry({ expiry: "date", expiresOn: "2026-12-05" }, now, "Asia/Seoul")).toEqual({ ok: false, code: "expiry_date_past" });
    expect(tokenExpiry({ expiry: "date", expiresOn: "2027-12-05" }, now, "UTC")).toEqual({ ok: false, code: "expiry_date_too_far" });
  });
});
