import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DUE_SOON_MS } from "@/domain";
import { agentQueueParamsSchema } from "@/schemas/agent-queue";
import { encodeCursor } from "@/schemas/list-params";
import { SEARCH_WALK } from "@/server/requests/listing";
import { EXACT_SEARCH_COUNT_CAP, LISTED_ORGANIZATIONS, listQueue, NAMED_ORGANIZATIONS, type AgentQueuePage } from "@/server/requests/list-queue";
import { INTERNAL_ONLY_WORD, PUBLIC_REPLY_ONLY_REQUEST_ID, PUBLIC_REPLY_ONLY_WORD } from "../../prisma/seed/demo-data";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor as viewerOf } from "../setup/viewers";

const seeded = prepareSeededDatabase();
const HOUR = 3_600_000;

const viewerFor = (email: string, now = seeded.now) => viewerOf(seeded.db, email, now);

async function queue(params: Record<string, string | string[]> = {}, now = seeded.now, email = "agent@portico.test"): Promise<AgentQueuePage> {
  const result = await listQueue(seeded.db, await viewerFor(email, now), params);
  if (!result.ok) throw new Error("no queue");
  return result.queue;
}

/** Every page, following the next-page cursor. */
async function allPages(params: Record<string, string | string[]> = {}, now = seeded.now) {
  const items: AgentQueuePage["items"] = [];
  let page = await queue(params, now);
  items.push(...page.items);
  while (page.nextCursor) {
    page = await queue({ ...params, after: page.nextCursor }, now);
    items.push(...page.items);
  }
  return { items, last: page };
}

/** Every page before `last`, following the previous-page cursor, in the queue's order. */
async function pagesBefore(last: AgentQueuePage, params: Record<string, string | string[]> = {}) {
  const items: AgentQueuePage["items"] = [];
  let page = last;
  while (page.previousCursor) {
    page = await queue({ ...params, before: page.previousCursor });
    items.unshift(...page.items);
  }
  return { items, first: page };
}

const ids = (items: { id: number }[]) => items.map((item) => item.id);

/** The requests a search for `word` finds, by an independent query: by their search document, or by an internal note. */
async function matching(word: string): Promise<Set<number>> {
  const rows = await seeded.db.$queryRaw<{ id: number }[]>`
    SELECT r.id FROM "Request" r WHERE r."documentVector" @@ portico_search_query(${word})
      OR EXISTS (SELECT 1 FROM "Comment" n WHERE n."requestId" = r.id AND n.visibility = 'internal' AND n."searchVector" @@ portico_search_query(${word}))`;
  return new Set(rows.map((row) => row.id));
}

/** A search compared with the same view browsed and filtered by `matching`: every page, forwards and back. */
async function expectSearchAsFilter(params: Record<string, string | string[]>) {
  const { q, ...browsing } = params;
  const found = await matching(q as string);
  const expected = (await allPages(browsing)).items.filter((item) => found.has(item.id));
  expect(expected.length, JSON.stringify(params)).toBeGreaterThan(0);
  const forwards = await allPages(params);
  expect(ids(forwards.items), JSON.stringify(params)).toEqual(ids(expected));
  expect(forwards.items.every((item) => item.match !== null)).toBe(true);
  const backwards = await pagesBefore(forwards.last, params);
  expect([...ids(backwards.items), ...ids(forwards.last.items)], JSON.stringify(params)).toEqual(ids(expected));
}

describe("Agent queue", () => {
  it("shows every unsolved request by default, across keyset pages that add up exactly, soonest due first", async () => {
    const expected = await seeded.db.request.findMany({ where: { status: { not: "solved" } }, select: { id: true } });
    const { items, last } = await allPages();
    expect(items.map((item) => item.id).sort((a, b) => a - b)).toEqual(expected.map((row) => row.id).sort((a, b) => a - b));
    expect(items.every((item) => item.status !== "solved")).toBe(true);
    // Due times ascending, nothing owed last.
    const dues = items.map((item) => item.responseDueAt?.getTime() ?? Number.POSITIVE_INFINITY);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    // And back from the last page to the first.
    if (last.previousCursor) {
      let page = last;
      const back: number[] = [];
      while (page.previousCursor) {
        page = await queue({ before: page.previousCursor });
        back.unshift(...page.items.map((item) => item.id));
      }
      expect(back).toEqual(items.slice(0, back.length).map((item) => item.id));
    }
  });

  it("pages through every request, solved included, in each sort and order without losing or repeating a row", async () => {
    const all = await seeded.db.request.count();
    expect(all).toBeGreaterThan(25);
    for (const sort of ["due", "activity", "created"]) {
      for (const order of ["asc", "desc"]) {
        const { items } = await allPages({ status: ["open", "pending", "on_hold", "solved"], sort, order });
        expect(new Set(items.map((item) => item.id)).size).toBe(all);
        expect(items).toHaveLength(all);
      }
    }
  });

  it("filters by status, priority, organization and assignee", async () => {
    const solved = await allPages({ status: "solved", priority: ["S2", "S3"] });
    expect(solved.items.length).toBeGreaterThan(0);
    expect(solved.items.every((item) => item.status === "solved" && ["S2", "S3"].includes(item.priority))).toBe(true);

    const globex = await seeded.db.organization.findUniqueOrThrow({ where: { slug: "globex" }, select: { id: true, name: true } });
    const byOrganization = await allPages({ organization: globex.id, status: "open,pending,on_hold,solved" });
    expect(byOrganization.items.length).toBe(await seeded.db.request.count({ where: { organizationId: globex.id } }));
    expect(byOrganization.items.every((item) => item.organizationName === globex.name)).toBe(true);
    const organizations = await seeded.db.organization.findMany({ select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
    expect((await queue()).organizations).toEqual(organizations);

    const sam = await seeded.db.user.findUniqueOrThrow({ where: { email: "sam@portico.test" }, select: { id: true, name: true } });
    const samsCount = await seeded.db.request.count({ where: { assigneeId: sam.id, status: { not: "solved" } } });
    const sams = await allPages({ assignee: sam.id });
    expect(sams.items).toHaveLength(samsCount);
    expect(sams.items.every((item) => item.assigneeName === sam.name)).toBe(true);
    const samsOwn = await listQueue(seeded.db, await viewerFor("sam@portico.test"), { assignee: "me" });
    expect(samsOwn.ok && samsOwn.queue.items.map((item) => item.id).sort()).toEqual(sams.items.map((item) => item.id).sort());

    const unassigned = await allPages({ assignee: "unassigned" });
    expect(unassigned.items).toHaveLength(await seeded.db.request.count({ where: { assigneeId: null, status: { not: "solved" } } }));
    expect(unassigned.items.every((item) => item.assigneeName === null)).toBe(true);
  });

  it("tells breached, due soon and fine apart against the clock it is given", async () => {
    const owed = await seeded.db.request.findFirstOrThrow({ where: { responseDueAt: { not: null } }, select: { id: true, responseDueAt: true, status: true } });
    const due = owed.responseDueAt!.getTime();
    const cases = [
      { now: new Date(due + 1), state: "breached" },
      { now: new Date(due), state: "breached" },
      { now: new Date(due - 30 * 60_000), state: "due_soon" },
      { now: new Date(due - DUE_SOON_MS), state: "due_soon" },
      { now: new Date(due - DUE_SOON_MS - 1), state: "fine" },
    ] as const;
    const status = ["open", "pending", "on_hold", "solved"];
    for (const { now, state } of cases) {
      const all = await allPages({ status }, now);
      expect(all.items.find((item) => item.id === owed.id)?.slaState).toBe(state);
      for (const sla of ["breached", "due_soon", "fine"] as const) {
        const filtered = await allPages({ status, sla }, now);
        expect(filtered.items.some((item) => item.id === owed.id)).toBe(sla === state);
        expect(filtered.items.every((item) => item.slaState === sla)).toBe(true);
      }
    }
    // Nothing owed is fine.
    const { items } = await allPages({ status: "solved", sla: "fine" });
    expect(items.length).toBe(await seeded.db.request.count({ where: { status: "solved" } }));
  });

  it("puts breached requests first when sorted by due time", async () => {
    // A clock late enough that some requests are breached and some are not.
    const dues = (await seeded.db.request.findMany({ where: { responseDueAt: { not: null }, status: { not: "solved" } }, select: { responseDueAt: true }, orderBy: { responseDueAt: "asc" } })).map(
      (row) => row.responseDueAt!.getTime(),
    );
    expect(dues.length).toBeGreaterThan(1);
    const now = new Date(dues[0]! + 1);
    const { items } = await allPages({}, now);
    expect(items[0]?.slaState).toBe("breached");
    const firstNotBreached = items.findIndex((item) => item.slaState !== "breached");
    expect(items.slice(firstNotBreached).every((item) => item.slaState !== "breached")).toBe(true);
  });

  it("finds words that only an internal note holds, and says so", async () => {
    const { items } = await allPages({ q: INTERNAL_ONLY_WORD, status: "open,pending,on_hold,solved" });
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((item) => item.match?.source === "internal")).toBe(true);
    const internal = items.find((item) => item.match?.source === "internal")!;
    expect(internal.match!.snippet.some((segment) => segment.highlight && segment.text.toLowerCase() === INTERNAL_ONLY_WORD)).toBe(true);
  });

  it("searches what the portal searches too, and pages search results without losing a row", async () => {
    const all = ["open", "pending", "on_hold", "solved"];
    const reply = await allPages({ q: PUBLIC_REPLY_ONLY_WORD, status: all });
    expect(reply.items.find((item) => item.id === PUBLIC_REPLY_ONLY_REQUEST_ID)?.match?.source).toBe("reply");
    const common = await allPages({ q: "the", status: all, sort: "created" });
    expect(common.items.length).toBeGreaterThan(25);
    expect(new Set(common.items.map((item) => item.id)).size).toBe(common.items.length);
    expect(common.items.every((item) => item.match !== null)).toBe(true);
  });

  it("finds a request by its number first, when it passes the filters", async () => {
    const [request] = await seeded.db.request.findMany({ where: { status: { not: "solved" } }, select: { id: true }, take: 1 });
    const page = await queue({ q: `#${request!.id}` });
    expect(page.items[0]?.id).toBe(request!.id);
    expect(page.items[0]?.match?.source).toBe("id");
  });

  it("falls back to the defaults for malformed parameters", async () => {
    const params = agentQueueParamsSchema.parse({ status: "nonsense", sort: "x", order: "sideways", sla: "late", assignee: "' OR 1=1", after: "garbage" });
    expect(params).toMatchObject({ status: [], sort: "due", order: undefined, sla: undefined, assignee: undefined, after: undefined });
    const page = await queue({ after: "eyJ2IjoiMSIsImlkIjoxfQ" });
    expect(page.items.length).toBeGreaterThan(0);
  });

  it("has no queue for customers", async () => {
    for (const email of ["alice@acme.test", "carol@acme.test", "gina@globex.test"]) {
      expect(await listQueue(seeded.db, await viewerFor(email), {})).toEqual({ ok: false, reason: "not_found" });
    }
  });
});

describe("Agent queue, filtered by part of an organization's name", () => {
  const EVERY_STATUS = "open,pending,on_hold,solved";
  const created: string[] = [];
  // Ordered last by name, past the first NAMED_ORGANIZATIONS "Lister" organizations.
  let lastLister = "";
  let lastListersRequest = 0;

  beforeAll(async () => {
    const alice = await seeded.db.user.findUniqueOrThrow({ where: { email: "alice@acme.test" }, select: { id: true } });
    const names = ["Acme Corporation Labs", "Northwind 10%_Off", ...Array.from({ length: LISTED_ORGANIZATIONS }, (_, index) => `Lister ${String(index + 1).padStart(2, "0")} Ltd`)];
    for (const [index, name] of names.entries()) {
      const organization = await seeded.db.organization.create({ data: { name, slug: `named-test-${index}` }, select: { id: true } });
      created.push(organization.id);
    }
    lastLister = created.at(-1)!;
    const request = await seeded.db.request.create({ data: { subject: "Of the last lister", description: "Named.", requesterId: alice.id, organizationId: lastLister }, select: { id: true } });
    lastListersRequest = request.id;
    await seeded.db.request.create({ data: { subject: "Of the labs", description: "Named.", requesterId: alice.id, organizationId: created[0]! } });
  });

  afterAll(async () => {
    await seeded.db.request.deleteMany({ where: { organizationId: { in: created } } });
    await seeded.db.organization.deleteMany({ where: { id: { in: created } } });
  });

  const organizationsOf = (items: AgentQueuePage["items"]) => new Set(items.map((item) => item.organizationName));

  it("lists no organizations once they are more than the filters list", async () => {
    expect(await seeded.db.organization.count()).toBeGreaterThan(LISTED_ORGANIZATIONS);
    const page = await queue();
    expect(page.organizations).toBeNull();
    expect(page.organizationsNamed).toBeUndefined();
  });

  it("takes the organization named exactly so, in any case, over those whose names hold it", async () => {
    const { items, last } = await allPages({ organizationName: "ACME corporation", status: EVERY_STATUS });
    expect(last.organizationsNamed).toEqual({ organizations: [expect.objectContaining({ name: "Acme Corporation" })], more: false });
    expect(organizationsOf(items)).toEqual(new Set(["Acme Corporation"]));
    const acme = await seeded.db.organization.findUniqueOrThrow({ where: { slug: "acme" }, select: { id: true } });
    expect(items).toHaveLength(await seeded.db.request.count({ where: { organizationId: acme.id } }));
  });

  it("takes every organization whose name holds the typed part, and names them", async () => {
    const { items, last } = await allPages({ organizationName: "corporation", status: EVERY_STATUS });
    expect(last.organizationsNamed?.organizations.map((organization) => organization.name)).toEqual(["Acme Corporation", "Acme Corporation Labs"]);
    expect(organizationsOf(items)).toEqual(new Set(["Acme Corporation", "Acme Corporation Labs"]));
  });

  it("reads % and _ as themselves", async () => {
    const page = await queue({ organizationName: "10%_" });
    expect(page.organizationsNamed).toEqual({ organizations: [expect.objectContaining({ name: "Northwind 10%_Off" })], more: false });
    expect((await queue({ organizationName: "%" })).organizationsNamed?.organizations).toHaveLength(1);
  });

  it("shows nothing, and says so, when no organization's name holds it", async () => {
    const page = await queue({ organizationName: "nowhere at all" });
    expect(page.organizationsNamed).toEqual({ organizations: [], more: false });
    expect(page.items).toEqual([]);
    expect(page.total).toEqual({ count: 0, exact: true });
  });

  it("filters by all of many matching organizations, naming the first of them", async () => {
    const page = await queue({ organizationName: "lister" });
    expect(page.organizationsNamed?.more).toBe(true);
    expect(page.organizationsNamed?.organizations).toHaveLength(NAMED_ORGANIZATIONS);
    expect(page.organizationsNamed?.organizations.map((organization) => organization.id)).not.toContain(lastLister);
    expect(ids(page.items)).toContain(lastListersRequest);
    expect(organizationsOf(page.items)).toEqual(new Set([`Lister ${LISTED_ORGANIZATIONS} Ltd`]));
  });

  it("names the organization an older link's id filters by, for the text box to show", async () => {
    const page = await queue({ organization: lastLister });
    expect(page.organizationChosen).toBe(`Lister ${LISTED_ORGANIZATIONS} Ltd`);
    expect(ids(page.items)).toEqual([lastListersRequest]);
    expect((await queue()).organizationChosen).toBeUndefined();
  });
});

describe("Agent queue, by due time across many pages", () => {
  // Enough unsolved requests for several pages: owed ones sharing due times in threes (so pages
  // break inside ties) and nothing-owed ones, inserted out of order so ids do not follow due times.
  const owedCount = 40;
  const nothingOwedCount = 30;
  let organizationId = "";

  beforeAll(async () => {
    const organization = await seeded.db.organization.create({ data: { name: "Paging Test Ltd", slug: "paging-test" } });
    organizationId = organization.id;
    const owed = Array.from({ length: owedCount }, (_, i) => ({
      status: i % 4 === 0 ? ("on_hold" as const) : ("open" as const),
      onHoldReason: i % 4 === 0 ? "reproducing_bug" : null,
      responseDueAt: new Date(seeded.now.getTime() + (Math.floor(i / 3) - 6) * HOUR),
    }));
    const nothingOwed = Array.from({ length: nothingOwedCount }, () => ({ status: "pending" as const, onHoldReason: null, responseDueAt: null }));
    const solved = Array.from({ length: 5 }, () => ({ status: "solved" as const, onHoldReason: null, responseDueAt: null }));
    const rows = [...owed, ...nothingOwed, ...solved];
    // A fixed shuffle (37 and 75 have no common factor).
    const shuffled = rows.map((_, i) => rows[(i * 37) % rows.length]!);
    // Creation and activity times repeat too, for the other sorts.
    const minutesAgo = (minutes: number) => new Date(seeded.now.getTime() - minutes * 60_000);
    await seeded.db.request.createMany({
      data: shuffled.map((row, i) => ({
        subject: `Paging check ${i}`,
        description: "A request for the paging tests.",
        requesterId: "seed-user-alice",
        organizationId,
        createdAt: minutesAgo(60 + ((i * 7) % 13)),
        lastActivityAt: minutesAgo((i * 5) % 11),
        ...row,
      })),
    });
  });

  afterAll(async () => {
    await seeded.db.request.deleteMany({ where: { organizationId } });
    await seeded.db.organization.delete({ where: { id: organizationId } });
  });

  /** The unsolved requests (of the test organization, or all), soonest due first, nothing owed last, then by id. */
  async function unsolvedInDueOrder(where: { organizationId?: string } = {}) {
    const rows = await seeded.db.request.findMany({ where: { ...where, status: { not: "solved" } }, select: { id: true, responseDueAt: true } });
    const due = (row: { responseDueAt: Date | null }) => row.responseDueAt?.getTime() ?? Number.POSITIVE_INFINITY;
    return rows.sort((a, b) => due(a) - due(b) || a.id - b.id);
  }

  it("pages forwards and back through the whole default queue: every unsolved request once, in due order, nothing owed last", async () => {
    const expected = await unsolvedInDueOrder();
    expect(expected.length).toBeGreaterThan(75);
    const forwards = await allPages();
    expect(ids(forwards.items)).toEqual(ids(expected));
    const turn = forwards.items.findIndex((item) => item.responseDueAt === null);
    expect(turn).toBeGreaterThan(25);
    expect(forwards.items.slice(turn).every((item) => item.responseDueAt === null)).toBe(true);

    const backwards = await pagesBefore(forwards.last);
    expect([...ids(backwards.items), ...ids(forwards.last.items)]).toEqual(ids(expected));
    expect(backwards.first.previousCursor).toBeNull();
  });

  it("pages latest due first the same way, nothing owed first", async () => {
    const expected = (await unsolvedInDueOrder()).reverse();
    const forwards = await allPages({ order: "desc" });
    expect(ids(forwards.items)).toEqual(ids(expected));
    const backwards = await pagesBefore(forwards.last, { order: "desc" });
    expect([...ids(backwards.items), ...ids(forwards.last.items)]).toEqual(ids(expected));
  });

  it("turns from the owed requests to those with nothing owed at a cursor on either side of the turn", async () => {
    const expected = await unsolvedInDueOrder({ organizationId });
    const turn = expected.findIndex((row) => row.responseDueAt === null);
    expect(turn).toBe(owedCount);
    const lastOwed = expected[turn - 1]!;
    const firstNothingOwed = expected[turn]!;

    const after = await queue({ organization: organizationId, after: encodeCursor({ v: lastOwed.responseDueAt!.toISOString(), id: lastOwed.id }) });
    expect(ids(after.items)).toEqual(ids(expected.slice(turn, turn + 25)));
    const before = await queue({ organization: organizationId, before: encodeCursor({ v: "infinity", id: firstNothingOwed.id }) });
    expect(ids(before.items)).toEqual(ids(expected.slice(turn - 25, turn)));
    expect(before.nextCursor).not.toBeNull();
    expect(before.previousCursor).not.toBeNull();
  });

  it("still takes an \"infinity\" cursor: nothing owed, after or before that request", async () => {
    const expected = await unsolvedInDueOrder({ organizationId });
    const turn = expected.findIndex((row) => row.responseDueAt === null);
    const middle = turn + 10;
    const cursor = encodeCursor({ v: "infinity", id: expected[middle]!.id });

    const after = await queue({ organization: organizationId, after: cursor });
    expect(ids(after.items)).toEqual(ids(expected.slice(middle + 1, middle + 26)));
    expect(after.items.every((item) => item.responseDueAt === null)).toBe(true);
    // Before it: the first nothing-owed requests, and the last owed ones ahead of them.
    const before = await queue({ organization: organizationId, before: cursor });
    expect(ids(before.items)).toEqual(ids(expected.slice(middle - 25, middle)));
    expect(before.items.some((item) => item.responseDueAt !== null)).toBe(true);
    // Descending, "after" means the same thing the other way round.
    const descending = await queue({ organization: organizationId, order: "desc", after: cursor });
    expect(ids(descending.items)).toEqual(ids(expected.slice(middle - 25, middle).reverse()));
  });

  it("gives an empty page, not an error, for a cursor where the filters leave nothing", async () => {
    const cursor = encodeCursor({ v: "infinity", id: 1 });
    const filters: Record<string, string>[] = [{ sla: "breached" }, { sla: "due_soon", order: "asc" }, { sla: "breached", q: "the" }];
    for (const params of filters) {
      const page = await queue({ ...params, after: cursor });
      expect(page).toMatchObject({ items: [], nextCursor: null, previousCursor: null });
    }
  });

  it("searches as a filter on the queue: the queue's rows that match, in its order, across pages forwards and back", async () => {
    // A word only internal notes hold, on half the test organization's requests.
    const noteWord = "quillwort";
    // And a Korean one on a third of them: a phrase of its pieces, whose notes are read once per statement.
    const koreanNoteWord = "감사로그";
    const requests = await seeded.db.request.findMany({ where: { organizationId }, select: { id: true }, orderBy: { id: "asc" } });
    await seeded.db.comment.createMany({
      data: [
        ...requests.filter((_, i) => i % 2 === 0).map((request) => ({ requestId: request.id, authorId: "seed-user-agent", body: `Checked the ${noteWord} logs.`, visibility: "internal" as const })),
        ...requests.filter((_, i) => i % 3 === 0).map((request) => ({ requestId: request.id, authorId: "seed-user-agent", body: `${koreanNoteWord}를 확인했습니다.`, visibility: "internal" as const })),
      ],
    });
    const all = ["open", "pending", "on_hold", "solved"];
    const searches: Record<string, string | string[]>[] = [
      { q: "paging" }, // common: every request of the test organization
      { q: "the", sort: "created", status: all }, // common everywhere
      { q: PUBLIC_REPLY_ONLY_WORD, status: all }, // rare: one request
      { q: noteWord }, // only in internal notes
      { q: noteWord, status: all, sort: "activity", order: "asc" },
      { q: koreanNoteWord },
      { q: koreanNoteWord, status: all, sort: "created", order: "asc" },
      { q: "paging", status: ["on_hold", "solved"], order: "desc" },
      { q: "paging", sla: "fine" },
    ];
    for (const params of searches) await expectSearchAsFilter(params);
    const notes = await allPages({ q: noteWord });
    expect(notes.items.length).toBeGreaterThan(25);
    expect(notes.items.every((item) => item.match?.source === "internal")).toBe(true);
    const korean = await queue({ q: koreanNoteWord, status: all });
    expect(korean.total).toEqual({ count: (await matching(koreanNoteWord)).size, exact: true });
    expect(korean.items.every((item) => item.match?.source === "internal")).toBe(true);
  });

  it("pages each service-level filter and each sort in its order, forwards and back", async () => {
    const now = new Date(seeded.now.getTime() + 30 * 60_000);
    const expected = await unsolvedInDueOrder({ organizationId });
    const state = (row: { responseDueAt: Date | null }) => {
      const due = row.responseDueAt?.getTime() ?? Number.POSITIVE_INFINITY;
      return due <= now.getTime() ? "breached" : due <= now.getTime() + DUE_SOON_MS ? "due_soon" : "fine";
    };
    for (const sla of ["breached", "due_soon", "fine"] as const) {
      const { items } = await allPages({ organization: organizationId, sla }, now);
      expect(ids(items)).toEqual(ids(expected.filter((row) => state(row) === sla)));
    }

    const dated = await seeded.db.request.findMany({ where: { organizationId, status: { not: "solved" } }, select: { id: true, createdAt: true, lastActivityAt: true } });
    for (const sort of ["activity", "created"] as const) {
      const at = (row: (typeof dated)[number]) => (sort === "activity" ? row.lastActivityAt : row.createdAt).getTime();
      const newestFirst = [...dated].sort((a, b) => at(b) - at(a) || b.id - a.id);
      for (const order of ["desc", "asc"] as const) {
        const inOrder = order === "desc" ? newestFirst : [...newestFirst].reverse();
        const params = { organization: organizationId, sort, order };
        const forwards = await allPages(params);
        expect(ids(forwards.items)).toEqual(ids(inOrder));
        const backwards = await pagesBefore(forwards.last, params);
        expect([...ids(backwards.items), ...ids(forwards.last.items)]).toEqual(ids(inOrder));
      }
    }
  });
});

describe("Agent queue, a Korean word in more requests than a search tests one by one", () => {
  // A phrase's part is tested request by request in the queue's order, SEARCH_WALK at most, in each
  // request's document and then its internal notes, and read from the search indexes only when those
  // hold less than a page: one word fills its first page within them (newest first; one more match lies
  // past them), another has three matches there and the rest past them, a third is only in notes, within
  // the walk and past it. A fourth is in as many documents as a count reads exactly, and in one note more.
  const count = SEARCH_WALK + 100;
  const early = "결제오류";
  const late = "로그인실패";
  const notedOnly = "감사기록";
  const atTheCap = "검토완료";
  let organizationId = "";

  beforeAll(async () => {
    const organization = await seeded.db.organization.create({ data: { name: "Walking Test Ltd", slug: "walking-test" } });
    organizationId = organization.id;
    // Position 0 is the newest: the first the queue shows, sorted by creation, newest first.
    const wordsAt = (position: number) => [
      (position % 10 === 5 && position < 300) || position === SEARCH_WALK + 50 ? early : "",
      [100, 500, 900].includes(position) || (position > SEARCH_WALK && position % 3 === 0) ? late : "",
      position < EXACT_SEARCH_COUNT_CAP ? atTheCap : "",
    ];
    const notesAt: Record<number, string> = { 7: early, 15: early, 700: late, 40: notedOnly, 950: notedOnly, [SEARCH_WALK + 30]: notedOnly, [SEARCH_WALK + 60]: atTheCap };
    await seeded.db.request.createMany({
      data: Array.from({ length: count }, (_, position) => ({
        subject: `Walk check ${position} ${wordsAt(position).join(" ")}`.trim(),
        description: "A request for the search walk's tests.",
        requesterId: "seed-user-alice",
        organizationId,
        status: "pending" as const,
        createdAt: new Date(seeded.now.getTime() - (position + 1) * 60_000),
        lastActivityAt: seeded.now,
      })),
    });
    const requests = await seeded.db.request.findMany({ where: { organizationId }, select: { id: true }, orderBy: { createdAt: "desc" } });
    await seeded.db.comment.createMany({
      data: Object.entries(notesAt).map(([position, word]) => ({
        requestId: requests[Number(position)]!.id,
        authorId: "seed-user-agent",
        body: `${word} 확인했습니다.`,
        visibility: "internal" as const,
      })),
    });
  });

  afterAll(async () => {
    await seeded.db.request.deleteMany({ where: { organizationId } });
    await seeded.db.organization.delete({ where: { id: organizationId } });
  });

  it("finds a phrase's matches in documents and internal notes, within the walk and past it, in the queue's order, forwards and back", async () => {
    const view = { organization: organizationId, sort: "created" };
    for (const q of [early, late, notedOnly]) {
      await expectSearchAsFilter({ ...view, order: "desc", q });
      await expectSearchAsFilter({ ...view, order: "asc", q });
    }
    const latePage = await queue({ ...view, order: "desc", q: late });
    expect(latePage.items).toHaveLength(25);
    expect(latePage.total).toEqual({ count: (await matching(late)).size, exact: true });
    const notedPage = await queue({ ...view, q: notedOnly });
    expect(notedPage.items.map((item) => item.match?.source)).toEqual(["internal", "internal", "internal"]);
    expect(notedPage.total).toEqual({ count: 3, exact: true });
  });

  it("counts a phrase's internal notes when its documents alone do not pass the count's cap", async () => {
    const total = (await queue({ organization: organizationId, q: atTheCap })).total;
    expect(await matching(atTheCap)).toHaveProperty("size", EXACT_SEARCH_COUNT_CAP + 1);
    expect(total).toEqual({ count: EXACT_SEARCH_COUNT_CAP, exact: false });
  });
});
