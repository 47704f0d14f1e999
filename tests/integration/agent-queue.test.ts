import { describe, expect, it } from "vitest";
import { loadActor } from "@/server/access/actor";
import { listQueue, type AgentQueuePage } from "@/server/agent/list-queue";
import { agentQueueParamsSchema } from "@/schemas/agent-queue";
import { INTERNAL_ONLY_WORD, PUBLIC_REPLY_ONLY_REQUEST_ID, PUBLIC_REPLY_ONLY_WORD } from "../../prisma/seed/demo-data";
import { prepareSeededDatabase } from "../setup/seeded-database";

const seeded = prepareSeededDatabase();
const HOUR = 3_600_000;

async function viewerFor(email: string, now = seeded.now) {
  const user = await seeded.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const actor = await loadActor(seeded.db, user.id);
  if (!actor) throw new Error(email);
  return { actor, now };
}

async function queue(params: Record<string, string | string[]> = {}, now = seeded.now, email = "agent@portico.test"): Promise<AgentQueuePage> {
  const page = await listQueue(seeded.db, await viewerFor(email, now), agentQueueParamsSchema.parse(params));
  if (!page) throw new Error("no queue");
  return page;
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

    const sam = await seeded.db.user.findUniqueOrThrow({ where: { email: "sam@portico.test" }, select: { id: true, name: true } });
    const samsCount = await seeded.db.request.count({ where: { assigneeId: sam.id, status: { not: "solved" } } });
    const sams = await allPages({ assignee: sam.id });
    expect(sams.items).toHaveLength(samsCount);
    expect(sams.items.every((item) => item.assigneeName === sam.name)).toBe(true);
    const samsOwn = await listQueue(seeded.db, await viewerFor("sam@portico.test"), agentQueueParamsSchema.parse({ assignee: "me" }));
    expect(samsOwn?.items.map((item) => item.id).sort()).toEqual(sams.items.map((item) => item.id).sort());

    const unassigned = await allPages({ assignee: "unassigned" });
    expect(unassigned.items).toHaveLength(await seeded.db.request.count({ where: { assigneeId: null, status: { not: "solved" } } }));
    expect(unassigned.items.every((item) => item.assigneeName === null)).toBe(true);
  });

  it("tells breached, due within an hour and fine apart against the clock it is given", async () => {
    const owed = await seeded.db.request.findFirstOrThrow({ where: { responseDueAt: { not: null } }, select: { id: true, responseDueAt: true, status: true } });
    const due = owed.responseDueAt!.getTime();
    const cases = [
      { now: new Date(due + 1), state: "breached" },
      { now: new Date(due), state: "breached" },
      { now: new Date(due - 30 * 60_000), state: "due_soon" },
      { now: new Date(due - HOUR), state: "due_soon" },
      { now: new Date(due - HOUR - 1), state: "fine" },
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
      expect(await listQueue(seeded.db, await viewerFor(email), agentQueueParamsSchema.parse({}))).toBeNull();
    }
  });
});
