import { describe, expect, it } from "vitest";
import type { Messages } from "next-intl";
import { formatterSet, sharedTranslator } from "./translations";

// Messages of the test's own, in the catalogs' shape (the translator only reads what it is asked for).
const messages = {
  test: {
    greeting: "Hello {name}, you have {count, plural, one {# request} other {# requests}}",
    due: "Due {when, date, short} at {when, time, short}",
  },
} as unknown as Messages;

/** The test namespace's translator, typed loosely: the keys above are not the catalogs'. */
function translator(locale: "en" | "it", timeZone: string) {
  return sharedTranslator({ locale, messages, timeZone, namespace: "test" }) as unknown as (key: string, values: object) => string;
}

describe("sharedTranslator", () => {
  it("parses a message once for every translator of the same language and time zone", () => {
    const first = translator("en", "Asia/Seoul");
    const second = translator("en", "Asia/Seoul");
    expect(first("greeting", { name: "Alice", count: 1 })).toBe("Hello Alice, you have 1 request");
    expect(second("greeting", { name: "Carol", count: 3 })).toBe("Hello Carol, you have 3 requests");
    expect(Object.keys(formatterSet("en", "Asia/Seoul").cache.message)).toHaveLength(1);
  });

  it("keeps each time zone's dates its own when translators of two zones alternate", () => {
    const when = new Date("2026-12-05T23:30:00Z");
    const seoul = translator("en", "Asia/Seoul");
    const rome = translator("en", "Europe/Rome");
    expect(seoul("due", { when })).toBe("Due 12/6/26 at 8:30 AM");
    expect(rome("due", { when })).toBe("Due 12/6/26 at 12:30 AM");
    expect(seoul("due", { when })).toBe("Due 12/6/26 at 8:30 AM");
  });

  it("keeps each language's wording its own", () => {
    const english = translator("en", "UTC");
    const italian = translator("it", "UTC");
    const when = new Date("2026-12-05T09:05:00Z");
    expect(english("due", { when })).toBe("Due 12/5/26 at 9:05 AM");
    expect(italian("due", { when })).toBe("Due 05/12/26 at 09:05");
  });
});
