import { describe, expect, it } from "vitest";
import { searchHasPhrase } from "./listing";

describe("searchHasPhrase", () => {
  it("is true for a run of three or more Korean, Japanese or Chinese characters, which the search makes a phrase of", () => {
    expect(searchHasPhrase("대시보드")).toBe(true);
    expect(searchHasPhrase("export 대시보드가 느림")).toBe(true);
    expect(searchHasPhrase("ダッシュボード")).toBe(true);
    expect(searchHasPhrase("仪表板")).toBe(true);
  });

  it("is false for words and for runs of one or two such characters, which are single pieces", () => {
    expect(searchHasPhrase("dashboard")).toBe(false);
    expect(searchHasPhrase("attività")).toBe(false);
    expect(searchHasPhrase("확인")).toBe(false);
    expect(searchHasPhrase("보 드")).toBe(false);
  });
});
