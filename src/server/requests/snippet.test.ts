import { describe, expect, it } from "vitest";
import { buildSnippet, searchTerms } from "./snippet";

const highlighted = (text: string, query: string) =>
  buildSnippet(text, query)
    .filter((segment) => segment.highlight)
    .map((segment) => segment.text);

describe("search snippets", () => {
  it("reads a query's words folded: lower case, without accents", () => {
    expect(searchTerms("Città  ÉTÉ dashboard_export")).toEqual(["citta", "ete", "dashboard", "export"]);
  });

  it("marks a word where it stands in the text, whatever its case or accents, and keeps the text as written", () => {
    expect(highlighted("La città è bella. Dashboards in Città!", "citta dashboard")).toEqual(["città", "Dashboard", "Città"]);
    expect(buildSnippet("Perché il Report", "report").map((segment) => segment.text).join("")).toBe("Perché il Report");
  });

  it("matches Korean anywhere in a word, and Latin words only at their start", () => {
    expect(highlighted("대시보드가 로딩되지 않습니다", "대시보드")).toEqual(["대시보드"]);
    expect(highlighted("A redashboard and a dashboard", "dashboard")).toEqual(["dashboard"]);
  });

  it("keeps positions where a character's lower case is longer than itself", () => {
    // "İ" lower-cases to two characters; folding keeps it as one, so the mark after it still lines up.
    expect(highlighted("İstanbul office: dashboard down", "dashboard")).toEqual(["dashboard"]);
  });

  it("folds the same text the same way the second time, from the characters it kept", () => {
    const text = "Über die Straße: ÉCLAIR, éclair and 대시보드 again";
    const first = buildSnippet(text, "eclair 대시보드");
    expect(buildSnippet(text, "eclair 대시보드")).toEqual(first);
    expect(first.filter((segment) => segment.highlight).map((segment) => segment.text)).toEqual(["ÉCLAIR", "éclair", "대시보드"]);
  });
});
