import { describe, expect, it } from "vitest";
import { resultCountLabel, roughly, statusCountLabel } from "./count-label";

describe("result count label", () => {
  it("says the page's range and the exact total", () => {
    expect(resultCountLabel({ count: 312, exact: true }, 0, 25)).toEqual({ key: "range", values: { from: 1, to: 25, total: 312 } });
    expect(resultCountLabel({ count: 26, exact: true }, 25, 1)).toEqual({ key: "range", values: { from: 26, to: 26, total: 26 } });
  });

  it("never says a total smaller than what the page shows", () => {
    expect(resultCountLabel({ count: 30, exact: true }, 25, 6).values).toMatchObject({ total: 31 });
  });

  it("says 'about' a rounded estimate past the bound", () => {
    expect(resultCountLabel({ count: 198_347, exact: false }, 50, 25)).toEqual({ key: "rangeAbout", values: { from: 51, to: 75, total: 200_000 } });
  });

  it("says only how many are shown when where the page starts was not counted", () => {
    expect(resultCountLabel({ count: 198_347, exact: false }, null, 25)).toEqual({ key: "shownAbout", values: { shown: 25, total: 200_000 } });
  });

  it("rounds an estimate to two significant digits", () => {
    expect([roughly(42), roughly(1_234), roughly(1_000), roughly(98_765)]).toEqual([42, 1_200, 1_000, 99_000]);
  });

  it("counts a status exactly, or as 'at least' past the bound", () => {
    expect(statusCountLabel({ count: 7, exact: true })).toEqual({ key: "exact", values: { count: 7 } });
    expect(statusCountLabel({ count: 1000, exact: false })).toEqual({ key: "atLeast", values: { count: 1000 } });
  });
});
