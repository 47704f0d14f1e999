import { describe, expect, it } from "vitest";
import { negotiateLocale, parseAcceptLanguage, resolveLocale, type LocaleSources } from "./negotiate";
import type { Locale } from "./locales";

describe("negotiateLocale", () => {
  const cases: Array<[header: string | null | undefined, expected: Locale | undefined]> = [
    // The browser's usual forms.
    ["ko-KR,ko;q=0.9", "ko"],
    ["ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", "ko"],
    ["it-CH", "it"],
    ["it-IT,it;q=0.9,en;q=0.8", "it"],
    ["en-US,en;q=0.9", "en"],
    ["en-GB", "en"],
    ["ko", "ko"],
    // Unsupported languages are passed over, whatever their rank.
    ["fr, it;q=0.5", "it"],
    ["fr-FR,fr;q=0.9,de;q=0.8,ko;q=0.1", "ko"],
    ["fr, de", undefined],
    ["zh-Hant-TW,zh;q=0.9", undefined],
    // Quality decides, not position; ties go to the one named first.
    ["en;q=0.8, ko;q=0.9", "ko"],
    ["it;q=0.5, ko;q=0.5", "it"],
    ["ko;q=0.5, it;q=0.5", "ko"],
    ["en-US;q=0.1, it", "it"],
    // q=0 means "not acceptable".
    ["ko;q=0, it;q=0.1", "it"],
    ["ko;q=0", undefined],
    // The closest range sets a locale's quality.
    ["ko-KR;q=0.2, ko;q=0.9, it;q=0.5", "ko"],
    ["ko;q=0.2, ko-KR;q=0.9, it;q=0.5", "it"],
    ["ko-KP;q=0.3, ko-KR;q=0.9, it;q=0.5", "ko"],
    // The wildcard accepts any language not named otherwise.
    ["*", "en"],
    ["fr, *;q=0.1", "en"],
    ["fr, *;q=0.1, it;q=0.05", "en"],
    ["en;q=0, *", "ko"],
    // Case, whitespace, underscores and extra parameters.
    ["  IT-ch ;  Q=0.7 , fr", "it"],
    ["ko_KR", "ko"],
    ["it;level=1;q=0.4, fr", "it"],
    // Malformed entries are skipped, not guessed at.
    ["ko;q=2, it;q=0.3", "it"],
    ["ko;q=abc, it;q=0.3", "it"],
    ["ko;q=0.12345, it;q=0.3", "it"],
    ["12-34, it", "it"],
    [",,,;q=1,", undefined],
    ["", undefined],
    [null, undefined],
    [undefined, undefined],
  ];

  it.each(cases)("%j → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it("only offers the locales it is given", () => {
    expect(negotiateLocale("ko, it;q=0.5", ["en", "it"])).toBe("it");
  });
});

describe("parseAcceptLanguage", () => {
  it("keeps header order and reads q-values", () => {
    expect(parseAcceptLanguage("ko-KR,ko;q=0.9,*;q=0.1")).toEqual([
      { tag: "ko-kr", quality: 1, position: 0 },
      { tag: "ko", quality: 0.9, position: 1 },
      { tag: "*", quality: 0.1, position: 2 },
    ]);
  });
});

describe("resolveLocale", () => {
  const cases: Array<[sources: LocaleSources, expected: Locale]> = [
    // The saved setting wins over everything.
    [{ saved: "it", cookie: "ko", acceptLanguage: "en-US" }, "it"],
    [{ saved: "ko" }, "ko"],
    [{ saved: "en", acceptLanguage: "it-IT" }, "en"],
    // Then the cookie.
    [{ saved: null, cookie: "ko", acceptLanguage: "it-IT" }, "ko"],
    [{ cookie: "it", acceptLanguage: "ko" }, "it"],
    // Then the browser.
    [{ saved: null, cookie: undefined, acceptLanguage: "it-CH" }, "it"],
    [{ acceptLanguage: "ko-KR,ko;q=0.9" }, "ko"],
    // Then English.
    [{ acceptLanguage: "fr-FR" }, "en"],
    [{}, "en"],
    // Values that are not a supported locale are ignored, not trusted.
    [{ saved: "fr", cookie: "de", acceptLanguage: "ko" }, "ko"],
    [{ cookie: "../../etc/passwd", acceptLanguage: "it" }, "it"],
    [{ cookie: "KO" }, "en"],
  ];

  it.each(cases)("%j → %s", (sources, expected) => {
    expect(resolveLocale(sources)).toBe(expected);
  });
});
