import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { DUE_SOON_MS, UNSOLVED_STATUSES } from "@/domain";
import { PrismaClient } from "@/generated/prisma/client";
import { EXACT_COUNT_CAP, listQueue } from "@/server/requests/list-queue";
import { changeQueueRequests } from "@/server/requests/change-queue-requests";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor as viewerOf } from "../setup/viewers";

// The queue's saved views and counts, and its bulk actions (docs/product.md §4): each request of a
// bulk change goes through its own use case, so one refusal leaves the others changed.

const seeded = prepareSeededDatabase();
const NOW = seeded.now;
const agent = () => viewerOf(seeded.db, "agent@portico.test", NOW);

async function queue(params: Record<string, string> = {}) {
  const result = await listQueue(seeded.db, await agent(), params);
  if (!result.ok) throw new Error("no queue");
  return result.queue;
}

const unsolved = { status: { in: [...UNSOLVED_STATUSES] } };

const exactly = (count: number) => ({ count, exact: true });

describe("the queue's saved views", () => {
  it("counts each view as the database holds it", async () => {
    const { viewCounts } = await queue();
    const me = (await agent()).actor.userId;
    expect(viewCounts).toEqual({
      mine: exactly(await seeded.db.request.count({ where: { ...unsolved, assigneeId: me } })),
      unassigned: exactly(await seeded.db.request.count({ where: { ...unsolved, assigneeId: null } })),
      breached: exactly(await seeded.db.request.count({ where: { ...unsolved, responseDueAt: { lte: NOW } } })),
      due_soon: exactly(await seeded.db.request.count({ where: { ...unsolved, responseDueAt: { gt: NOW, lte: new Date(NOW.getTime() + DUE_SOON_MS) } } })),
      unsolved: exactly(await seeded.db.request.count({ where: unsolved })),
    });
    expect(viewCounts.unsolved.count).toBeGreaterThan(0);
  });

  it("says how many requests the page's view holds, and where the page starts", async () => {
    const all = await queue();
    expect(all.total).toEqual(all.viewCounts.unsolved);
    expect(all.start).toBe(1);
    const unassigned = await queue({ assignee: "unassigned" });
    expect(unassigned.total).toEqual(all.viewCounts.unassigned);
    const breached = await queue({ sla: "breached" });
    expect(breached.total).toEqual(all.viewCounts.breached);
    expect((await queue({ start: "26" })).start).toBe(26);
    expect((await queue({ start: "-3" })).start).toBe(1);
  });

  it("counts a page that is one of the views once, for its total and its view", async () => {
    const counts: string[] = [];
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: seeded.database.url, max: 2 }), log: [{ emit: "event", level: "query" }] });
    prisma.$on("query", (event) => {
      if (/SELECT count\(\*\)::int AS n/.test(event.query)) counts.push(event.query);
    });
    const countsFor = async (params: Record<string, string>) => {
      counts.length = 0;
      const result = await listQueue(prisma, await viewerOf(prisma, "agent@portico.test", NOW), params);
      if (!result.ok) throw new Error("no queue");
      return counts.length;
    };
    try {
      expect(await countsFor({})).toBe(5);
      expect(await countsFor({ assignee: "unassigned", sort: "created" })).toBe(5);
      expect(await countsFor({ priority: "S1" })).toBe(6);
      expect(await countsFor({ q: "printer" })).toBe(6);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("counts a search's matches, the request named by number once", async () => {
    const [request] = await seeded.db.request.findMany({ where: unsolved, orderBy: { id: "asc" }, take: 1, select: { id: true } });
    const byNumber = await queue({ q: `#${request!.id}` });
    expect(byNumber.items[0]?.id).toBe(request!.id);
    expect(byNumber.total.count).toBe(byNumber.items.length);
  });
});

describe("the queue's bulk actions", () => {
  async function unsolvedIds(take: number, where = {}) {
    const rows = await seeded.db.request.findMany({ where: { ...unsolved, mergedIntoId: null, ...where }, orderBy: { id: "desc" }, take, select: { id: true } });
    return rows.map((row) => row.id);
  }

  it("assigns every selected request to the agent, each with its event", async () => {
    const ids = await unsolvedIds(3);
    expect(ids).toHaveLength(3);
    const viewer = await agent();
    const outcome = await changeQueueRequests(seeded.db, viewer, { change: "assign", requestIds: ids.map(String), assigneeId: "me" });
    expect(outcome).toEqual({ ok: true, updated: [...ids].sort((a, b) => a - b), refused: [] });
    const rows = await seeded.db.request.findMany({ where: { id: { in: ids } }, select: { assigneeId: true } });
    expect(rows.every((row) => row.assigneeId === viewer.actor.userId)).toBe(true);
    expect(await seeded.db.requestEvent.count({ where: { requestId: { in: ids }, type: "assigned", createdAt: NOW } })).toBe(3);
  });

  it("sets Pending where it applies and says which it refused and why", async () => {
    const [openOne] = await unsolvedIds(1, { status: "open" });
    const [pendingOne] = await unsolvedIds(1, { status: "pending" });
    const outcome = await changeQueueRequests(seeded.db, await agent(), { change: "status", requestIds: [String(openOne), String(pendingOne)], status: "pending" });
    expect(outcome).toEqual({ ok: true, updated: [openOne], refused: [{ id: pendingOne, code: "already_in_status" }] });
    expect((await seeded.db.request.findUniqueOrThrow({ where: { id: openOne! } })).status).toBe("pending");
    const event = await seeded.db.requestEvent.findFirst({ where: { requestId: openOne, type: "status_changed" }, orderBy: { createdAt: "desc" } });
    expect(event).toMatchObject({ fromStatus: "open", toStatus: "pending", actorId: (await agent()).actor.userId });
  });

  it("refuses On-hold and Solved, which need a reason, and nothing selected, changing nothing", async () => {
    const ids = await unsolvedIds(1, { status: "open" });
    for (const status of ["on_hold", "solved"]) {
      expect(await changeQueueRequests(seeded.db, await agent(), { change: "status", requestIds: ids.map(String), status })).toEqual({
        ok: false,
        reason: "invalid",
        fieldErrors: { status: "status_needs_reason" },
      });
    }
    expect(await changeQueueRequests(seeded.db, await agent(), { change: "assign", requestIds: [], assigneeId: "me" })).toMatchObject({ fieldErrors: { requestIds: "none_selected" } });
    expect(await changeQueueRequests(seeded.db, await agent(), { change: "assign", requestIds: ["abc"], assigneeId: "me" })).toMatchObject({ reason: "invalid" });
    expect(await changeQueueRequests(seeded.db, await agent(), { change: "assign", requestIds: ids.map(String), assigneeId: "not-an-agent" })).toMatchObject({
      fieldErrors: { assigneeId: "invalid" },
    });
    expect((await seeded.db.request.findUniqueOrThrow({ where: { id: ids[0]! } })).status).toBe("open");
  });

  it("is not there for customers", async () => {
    const ids = await unsolvedIds(1);
    const customer = await viewerOf(seeded.db, "alice@acme.test", NOW);
    expect(await changeQueueRequests(seeded.db, customer, { change: "status", requestIds: ids.map(String), status: "pending" })).toEqual({ ok: false, reason: "not_found" });
  });
});

// Last: it adds more requests than a count reads, and removes them after.
describe("a saved view larger than the cap", () => {
  it("says 'more than' the cap, as the page's total does, and counts the views below it exactly", async () => {
    const before = (await queue()).viewCounts;
    const extra = EXACT_COUNT_CAP + 1 - before.unassigned.count;
    await seeded.db.$executeRaw`
      INSERT INTO "Request" (subject, description, "requesterId", "organizationId", status)
      SELECT 'Past the cap ' || n, 'One of many.', "requesterId", "organizationId", 'open' FROM (SELECT "requesterId", "organizationId" FROM "Request" LIMIT 1) one, generate_series(1, ${extra}) n`;
    try {
      const all = await queue();
      const capped = { count: EXACT_COUNT_CAP, exact: false };
      expect(all.viewCounts).toEqual({ ...before, unassigned: capped, unsolved: capped });
      expect(all.total).toEqual(capped);
      expect((await queue({ assignee: "unassigned" })).total).toEqual(capped);
    } finally {
      await seeded.db.request.deleteMany({ where: { subject: { startsWith: "Past the cap " } } });
    }
  });
});
