import { describe, expect, it } from "vitest";
import { SEARCH_COUNT_WALK } from "@/server/requests/list-counts";
import { SEARCH_WALK } from "@/server/requests/listing";
import { listRequests, type RequestListPage } from "@/server/requests/list-requests";
import { INTERNAL_ONLY_WORD, PUBLIC_REPLY_ONLY_REQUEST_ID, PUBLIC_REPLY_ONLY_WORD } from "../../prisma/seed/demo-data";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

const seeded = prepareSeededDatabase();
const NOW = seeded.now;

async function list(email: string, params: Record<string, string | string[] | number> = {}): Promise<RequestListPage & { scope: string }> {
  const result = await listRequests(seeded.db, await viewerFor(seeded.db, email, NOW), params);
  if (!result.ok) throw new Error(`no list for ${email}`);
  return { ...result.page, scope: result.page.view.scope };
}

/** Every page, following the next-page cursor. */
async function allPages(email: string, params: Record<string, string | number> = {}) {
  const ids: number[] = [];
  let page = await list(email, params);
  ids.push(...page.items.map((item) => item.id));
  while (page.nextCursor) {
    page = await list(email, { ...params, after: page.nextCursor });
    ids.push(...page.items.map((item) => item.id));
  }
  return { ids, last: page };
}

describe("My Requests", () => {
  it("lists the requests I opened, newest activity first, across keyset pages that add up exactly", async () => {
    const alice = await seeded.db.user.findUniqueOrThrow({ where: { email: "alice@acme.test" }, select: { id: true } });
    const expected = (
      await seeded.db.request.findMany({ where: { requesterId: alice.id }, orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }], select: { id: true } })
    ).map((row) => row.id);
    expect(expected.length).toBeGreaterThan(25);
    const first = await list("alice@acme.test");
    expect(first.items).toHaveLength(25);
    expect(first.previousCursor).toBeNull();
    const { ids, last } = await allPages("alice@acme.test");
    expect(ids).toEqual(expected);
    expect(last.nextCursor).toBeNull();
    // And back again from the last page.
    const back = await list("alice@acme.test", { before: last.previousCursor! });
    expect(back.items.map((item) => item.id)).toEqual(expected.slice(0, 25));
  });

  it("sorts by creation, both ways", async () => {
    const newest = await allPages("alice@acme.test", { sort: "created", order: "desc" });
    const oldest = await allPages("alice@acme.test", { sort: "created", order: "asc" });
    expect(oldest.ids).toEqual([...newest.ids].reverse());
  });

  it("filters by status and priority", async () => {
    const page = await list("alice@acme.test", { status: "solved", priority: ["S2", "S3"] });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((item) => item.status === "solved" && ["S2", "S3"].includes(item.priority))).toBe(true);
  });

  it("shows bob the requests he is CC'd on in the CC'd scope", async () => {
    const bob = await seeded.db.user.findUniqueOrThrow({ where: { email: "bob@acme.test" }, select: { id: true } });
    const ccd = (await seeded.db.requestCc.findMany({ where: { userId: bob.id }, select: { requestId: true } })).map((row) => row.requestId).sort();
    const page = await list("bob@acme.test", { scope: "ccd" });
    expect(page.items.map((item) => item.id).sort()).toEqual(ccd);
  });

  it("gives carol, with organization-level access, every Acme request — and nobody else that scope", async () => {
    const acme = await seeded.db.request.count({ where: { organization: { slug: "acme" } } });
    const carol = await allPages("carol@acme.test", { scope: "organization" });
    expect(carol.ids).toHaveLength(acme);
    expect(carol.last.scopes).toEqual(["mine", "ccd", "organization"]);
    for (const email of ["dave@acme.test", "erin@acme.test", "alice@acme.test"]) {
      const page = await list(email, { scope: "organization" });
      expect(page.scopes).toEqual(["mine", "ccd"]);
      expect(page.scope).toBe("mine");
    }
  });

  it("never shows gina an Acme request, in any scope or search", async () => {
    const acmeIds = new Set((await seeded.db.request.findMany({ where: { organization: { slug: "acme" } }, select: { id: true } })).map((row) => row.id));
    for (const params of [{}, { scope: "ccd" }, { scope: "organization" }, { q: "dashboard" }, { q: "1001" }, { q: PUBLIC_REPLY_ONLY_WORD }] as Record<string, string>[]) {
      const page = await list("gina@globex.test", params);
      expect(page.items.filter((item) => acmeIds.has(item.id))).toEqual([]);
    }
  });
});

describe("counts", () => {
  it("counts the view exactly, says where each page starts, and counts each status with the other choices kept", async () => {
    const alice = await seeded.db.user.findUniqueOrThrow({ where: { email: "alice@acme.test" }, select: { id: true } });
    const mine = await seeded.db.request.count({ where: { requesterId: alice.id } });
    const first = await list("alice@acme.test");
    expect(first.counts.total).toEqual({ count: mine, exact: true });
    expect(first.counts.before).toBe(0);
    const second = await list("alice@acme.test", { after: first.nextCursor! });
    expect(second.counts.before).toBe(25);
    const back = await list("alice@acme.test", { sort: "created", order: "asc", after: (await list("alice@acme.test", { sort: "created", order: "asc" })).nextCursor! });
    expect(back.counts.before).toBe(25);

    for (const status of ["open", "pending", "on_hold", "solved"] as const) {
      const exact = await seeded.db.request.count({ where: { requesterId: alice.id, status, priority: { in: ["S2", "S3"] } } });
      // Filtering by one status changes the total, not the status counts.
      const filtered = await list("alice@acme.test", { status, priority: ["S2", "S3"] });
      expect(filtered.counts.statuses[status]).toEqual({ count: exact, exact: true });
      expect(filtered.counts.total).toEqual({ count: exact, exact: true });
    }
  });

  it("counts a search's matches, with the request its number names", async () => {
    const page = await list("alice@acme.test", { q: PUBLIC_REPLY_ONLY_WORD });
    expect(page.counts.total).toEqual({ count: page.items.length, exact: true });
    const byNumber = await list("alice@acme.test", { q: "1001" });
    expect(byNumber.counts.total.count).toBe(byNumber.items.length);
  });
});

describe("search", () => {
  it("finds a word that appears only in a public reply, and says where it matched", async () => {
    const page = await list("alice@acme.test", { q: PUBLIC_REPLY_ONLY_WORD });
    expect(page.items.map((item) => item.id)).toEqual([PUBLIC_REPLY_ONLY_REQUEST_ID]);
    const match = page.items[0]?.match;
    expect(match?.source).toBe("reply");
    expect(match?.snippet.filter((segment) => segment.highlight).map((segment) => segment.text.toLowerCase())).toContain(PUBLIC_REPLY_ONLY_WORD);
  });

  it("never finds a word that appears only in internal notes, not even for a technical contact with organization access", async () => {
    for (const email of ["alice@acme.test", "carol@acme.test", "bob@acme.test"]) {
      for (const scope of ["mine", "ccd", "organization"]) {
        expect((await list(email, { q: INTERNAL_ONLY_WORD, scope })).items).toEqual([]);
      }
    }
  });

  it("finds a request by its number, with or without #", async () => {
    expect((await list("alice@acme.test", { q: "#1001" })).items[0]).toMatchObject({ id: 1001, match: { source: "id" } });
    expect((await list("alice@acme.test", { q: "1001" })).items[0]?.id).toBe(1001);
    expect((await list("gina@globex.test", { q: "#1001" })).items.map((item) => item.id)).not.toContain(1001);
  });

  it("matches word beginnings and ignores accents and case", async () => {
    const page = await list("carol@acme.test", { scope: "organization", q: "DASHB" });
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) {
      const highlighted = item.match?.snippet.filter((segment) => segment.highlight).map((segment) => segment.text.toLowerCase()) ?? [];
      expect(highlighted.some((text) => text.startsWith("dashb"))).toBe(true);
    }
  });

  it("finds Korean text by part of a word", async () => {
    // Request 1009 (Globex, by jiho): "대시보드 로딩 시간이 30초 이상 걸립니다".
    const whole = await list("jiho@globex.test", { q: "로딩" });
    expect(whole.items.map((item) => item.id)).toContain(1009);
    const part = await list("jiho@globex.test", { q: "시간" }); // inside 시간이
    expect(part.items.map((item) => item.id)).toContain(1009);
    expect(part.items.find((item) => item.id === 1009)?.match?.source).toBe("subject");
  });

  it("combines with scope and filters, and keeps the list's order across pages", async () => {
    const all = await allPages("carol@acme.test", { scope: "organization", q: "the" });
    expect(new Set(all.ids).size).toBe(all.ids.length);
    const inOrder = await seeded.db.request.findMany({ where: { id: { in: all.ids } }, orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(all.ids).toEqual(inOrder.map((row) => row.id));
    const oldestFirst = await allPages("carol@acme.test", { scope: "organization", q: "the", sort: "created", order: "asc" });
    const byCreation = await seeded.db.request.findMany({ where: { id: { in: all.ids } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
    expect(oldestFirst.ids).toEqual(byCreation.map((row) => row.id));
    const solvedOnly = await list("carol@acme.test", { scope: "organization", q: "the", status: "solved" });
    expect(solvedOnly.items.every((item) => item.status === "solved")).toBe(true);
  });

  it("ignores a cursor that was edited by hand or belongs to another kind of list", async () => {
    const first = (await list("alice@acme.test")).items.map((item) => item.id);
    const forged = (cursor: object) => Buffer.from(JSON.stringify(cursor)).toString("base64url");
    for (const after of [forged({ v: 0.5, id: 1050 }), forged({ v: "garbage", id: 1050 }), forged({ v: "2025-01-01T00:00:00.000Z", id: 99_999_999_999 }), "%%%"]) {
      expect((await list("alice@acme.test", { after })).items.map((item) => item.id)).toEqual(first);
    }
    // A cursor of the ranked searches of before (a number) starts a search from its first page.
    const searched = (await list("alice@acme.test", { q: "the" })).items.map((item) => item.id);
    expect(searched.length).toBeGreaterThan(0);
    expect((await list("alice@acme.test", { q: "the", after: forged({ v: 0.5, id: 1050 }) })).items.map((item) => item.id)).toEqual(searched);
  });

  it("shows a request found by its number once, first, however the pages fall", async () => {
    const pages = await allPages("carol@acme.test", { scope: "organization", q: "1001" });
    expect(pages.ids.filter((id) => id === 1001)).toHaveLength(1);
    expect(pages.ids[0]).toBe(1001);
  });

  it("follows the thread as it changes: a new public reply is found, an internal note never, a reply made internal no more", async () => {
    const agent = await seeded.db.user.findUniqueOrThrow({ where: { email: "agent@portico.test" }, select: { id: true } });
    const reply = await seeded.db.comment.create({ data: { requestId: 1043, authorId: agent.id, body: "Try the quillwort workaround.", visibility: "public" }, select: { id: true } });
    await seeded.db.comment.create({ data: { requestId: 1043, authorId: agent.id, body: "Between us: zanzibarite.", visibility: "internal" } });
    expect((await list("alice@acme.test", { q: "quillwort" })).items.map((item) => item.id)).toEqual([1043]);
    expect((await list("alice@acme.test", { q: "zanzibarite" })).items).toEqual([]);
    await seeded.db.comment.update({ where: { id: reply.id }, data: { visibility: "internal" } });
    expect((await list("alice@acme.test", { q: "quillwort" })).items).toEqual([]);
  });

  it("finds the matches past the requests it tests one by one, in order, on every page, and counts them", async () => {
    // One view with more requests than a search tests one by one (SEARCH_WALK for a page,
    // SEARCH_COUNT_WALK for a count): the matches beyond them are read from the search index.
    // Positions are newest activity first; the first page's matches are close together.
    const organization = await seeded.db.organization.create({ data: { name: "Walkers Ltd", slug: "walkers" }, select: { id: true } });
    const walker = await seeded.db.user.create({
      data: { email: "wally@walkers.test", name: "Wally Walker", memberships: { create: { organizationId: organization.id } } },
      select: { id: true },
    });
    const count = SEARCH_COUNT_WALK + 60;
    const matching = [...Array.from({ length: 30 }, (_, index) => 3 + index * 10), 400, SEARCH_WALK + 5, SEARCH_WALK + 30, SEARCH_COUNT_WALK + 30, SEARCH_COUNT_WALK + 59];
    await seeded.db.request.createMany({
      data: Array.from({ length: count }, (_, position) => {
        const at = new Date(NOW.getTime() - (position + 1) * 60_000);
        const subject = matching.includes(position) ? `Gazetteer export ${position}` : `Routine question ${position}`;
        return { subject, description: "Details.", requesterId: walker.id, organizationId: organization.id, createdAt: at, lastActivityAt: at };
      }),
    });
    const byPosition = (await seeded.db.request.findMany({ where: { requesterId: walker.id }, orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }], select: { id: true } })).map(
      (row) => row.id,
    );
    const expected = matching.map((position) => byPosition[position]);

    for (const limit of [2, 25]) {
      const newestFirst = await allPages("wally@walkers.test", { q: "gazetteer", limit });
      expect(newestFirst.ids).toEqual(expected);
      const oldestFirst = await allPages("wally@walkers.test", { q: "gazetteer", limit, order: "asc" });
      expect(oldestFirst.ids).toEqual([...expected].reverse());
    }
    const page = await list("wally@walkers.test", { q: "gazetteer" });
    expect(page.counts.total).toEqual({ count: matching.length, exact: true });
  });
});
