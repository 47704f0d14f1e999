import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PRIORITY_CODES, REQUEST_STATUSES } from "@/domain";
import { encodeCursor } from "@/schemas/list-params";
import { REQUEST_SCOPES, requestListParamsSchema } from "@/schemas/request-list";
import { listHref, rawQueryString, type ListView } from "./list-href";

function parseHref(href: string) {
  const url = new URL(href, "http://portico.test");
  expect(url.pathname).toBe("/requests");
  // As Next.js passes them to a page: a string, or an array when the key repeats.
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    raw[key] = values.length === 1 ? values[0]! : values;
  }
  return requestListParamsSchema.parse(raw);
}

const viewArbitrary: fc.Arbitrary<ListView> = fc.record({
  q: fc.string({ maxLength: 40 }).map((text) => text.trim()),
  scope: fc.constantFrom(...REQUEST_SCOPES),
  status: fc.uniqueArray(fc.constantFrom(...REQUEST_STATUSES)),
  priority: fc.uniqueArray(fc.constantFrom(...PRIORITY_CODES)),
  sort: fc.constantFrom("activity" as const, "created" as const),
  order: fc.constantFrom("desc" as const, "asc" as const),
});

describe("My Requests links", () => {
  it("the plain list is /requests", () => {
    expect(listHref({ q: "", scope: "mine", status: [], priority: [], sort: "activity", order: "desc" })).toBe("/requests");
  });

  it("a link reproduces the view it names, whatever the choices", () => {
    fc.assert(
      fc.property(viewArbitrary, (view) => {
        const { after, before, limit, ...parsed } = parseHref(listHref(view));
        expect(parsed).toEqual(view);
        // The page size is not the URL's to set: always the default.
        expect(limit).toBe(25);
        expect(after).toBeUndefined();
        expect(before).toBeUndefined();
      }),
    );
  });

  it("a page link keeps every choice and adds its cursor", () => {
    const view: ListView = { q: "#1022 marmalade & co", scope: "ccd", status: ["open", "solved"], priority: ["S1"], sort: "created", order: "asc" };
    const cursor = encodeCursor({ v: "2026-01-02T03:04:05.000Z", id: 1022 });
    const parsed = parseHref(listHref(view, { after: cursor }));
    expect(parsed).toMatchObject({ ...view, after: { v: "2026-01-02T03:04:05.000Z", id: 1022 } });
    expect(parseHref(listHref(view, { before: cursor })).before).toEqual({ v: "2026-01-02T03:04:05.000Z", id: 1022 });
  });

  it("the sign-in return path keeps the query as it came, repeated keys included", () => {
    expect(rawQueryString({})).toBe("");
    expect(rawQueryString({ q: "a b&c", status: ["open", "solved"], empty: undefined })).toBe("?q=a+b%26c&status=open&status=solved");
  });
});
