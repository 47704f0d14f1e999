import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { createDatabase, type Database } from "@/server/db/client";
import type { Reader } from "@/server/people/viewer";
import { addInternalNote } from "@/server/requests/add-internal-note";
import { assignRequest } from "@/server/requests/assign-request";
import { getAgentRequestPage } from "@/server/requests/get-agent-request-page";
import { getRequestPage } from "@/server/requests/get-request-page";
import { holdRequest } from "@/server/requests/hold-request";
import { listRequests } from "@/server/requests/list-requests";
import { mergeRequest } from "@/server/requests/merge-request";
import { reclassifyRequest } from "@/server/requests/reclassify-request";
import { replyAsAgent as agentReply } from "@/server/requests/reply-as-agent";
import { replyToRequest } from "@/server/requests/reply-to-request";
import { sendReminder } from "@/server/requests/send-reminder";
import { solveRequest } from "@/server/requests/solve-request";
import { DEMO_USERS } from "../../prisma/seed/demo-data";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor as viewerOf } from "../setup/viewers";

const seeded = prepareSeededDatabase();
const NOW = seeded.now;
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

const viewerFor = (email: string, now = NOW) => viewerOf(seeded.db, email, now);
const agent = (now = NOW) => viewerFor("agent@portico.test", now);

/** The request page's loader, read as its page or null ("not found"). */
async function requestPage(viewer: Reader, requestId: number) {
  const result = await getRequestPage(seeded.db, viewer, { requestId });
  return result.ok ? result.page : null;
}
async function agentRequestPage(viewer: Reader, requestId: number) {
  const result = await getAgentRequestPage(seeded.db, viewer, { requestId });
  return result.ok ? result.page : null;
}
const refusal = (code: string) => ({ ok: false, reason: "refused", refusal: expect.objectContaining({ code }) });

/** Each test works on its own requests: the first unused one matching `where`. */
const used = new Set<number>();
/** Unmerged and not Solved: every action applies. */
const ACTIVE: Prisma.RequestWhereInput = { status: { in: ["open", "pending", "on_hold"] }, mergedIntoId: null };
/** Waiting on support: not Pending, so a reply makes it Pending and a reminder is refused. */
const WITH_SUPPORT: Prisma.RequestWhereInput = { status: { in: ["open", "on_hold"] }, mergedIntoId: null };
async function pick(where: Prisma.RequestWhereInput) {
  const row = await seeded.db.request.findFirst({
    where: { AND: [where, { id: { notIn: [...used] } }] },
    select: { id: true, requesterId: true, organizationId: true, version: true, requester: { select: { email: true } } },
    orderBy: { id: "asc" },
  });
  if (!row) throw new Error(`no request for ${JSON.stringify(where)}`);
  used.add(row.id);
  return row;
}

async function snapshot(requestId: number) {
  const [comments, events, request] = await Promise.all([
    seeded.db.comment.count(),
    seeded.db.requestEvent.count(),
    seeded.db.request.findUniqueOrThrow({ where: { id: requestId } }),
  ]);
  return { comments, events, request };
}

const eventsOf = (requestId: number, after = NOW) =>
  seeded.db.requestEvent.findMany({ where: { requestId, createdAt: { gte: after } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

describe("agent actions", () => {
  it("replies publicly and makes the request Pending by default, linking the status change to the reply", async () => {
    const request = await pick({ status: "open" });
    const at = later(1);
    expect(await agentReply(seeded.db, await agent(at), { requestId: request.id, body: "Here is what we found.", submissionKey: randomUUID() })).toEqual({ ok: true });
    const after = await snapshot(request.id);
    expect(after.request.status).toBe("pending");
    expect(after.request.version).toBe(request.version + 1);
    expect(after.request.lastAgentReplyAt).toEqual(at);
    const comment = await seeded.db.comment.findFirstOrThrow({ where: { requestId: request.id, createdAt: at } });
    expect(comment).toMatchObject({ visibility: "public", isReminder: false, authorId: DEMO_USERS.agent.id });
    expect((await eventsOf(request.id, at)).map((event) => [event.type, event.fromStatus, event.toStatus, event.commentId])).toEqual([
      ["status_changed", "open", "pending", comment.id],
    ]);
  });

  it("replies and sets another status in the same step: On-hold with a reason, or Solved as a bug reported", async () => {
    const held = await pick({ status: { in: ["open", "pending"] }, mergedIntoId: null });
    expect(
      await agentReply(seeded.db, await agent(later(2)), { requestId: held.id, body: "Checking with engineering.", then: "on_hold", holdReason: "with_engineering", submissionKey: randomUUID() }),
    ).toEqual({ ok: true });
    expect((await snapshot(held.id)).request).toMatchObject({ status: "on_hold", onHoldReason: "with_engineering" });

    const solved = await pick(ACTIVE);
    const reply = { requestId: solved.id, body: "Reported as a bug.", then: "solved" as const, solvedReason: "bug_reported", bugReference: "ENG-42", bugPriority: "S2", bugEta: "2099-01-31", submissionKey: randomUUID() };
    expect(await agentReply(seeded.db, await agent(later(2)), reply)).toEqual({ ok: true });
    const after = (await snapshot(solved.id)).request;
    expect(after).toMatchObject({ status: "solved", solvedReason: "bug_reported", bugReference: "ENG-42", bugPriority: "S2" });
    expect(after.bugEta?.toISOString().slice(0, 10)).toBe("2099-01-31");
  });

  it("refuses with the domain's code and changes nothing: a bug without a reference, a hold without words", async () => {
    const request = await pick(WITH_SUPPORT);
    const before = await snapshot(request.id);
    expect(await agentReply(seeded.db, await agent(), { requestId: request.id, body: "Solved", then: "solved", solvedReason: "bug_reported", submissionKey: randomUUID() })).toEqual(refusal("bug_reference_required"));
    expect(await holdRequest(seeded.db, await agent(), { requestId: request.id, holdReason: "other", holdReasonText: "  " })).toEqual(refusal("reason_required"));
    expect(await reclassifyRequest(seeded.db, await agent(), { requestId: request.id, priority: before.request.priority, reason: "Same" })).toEqual(refusal("same_priority"));
    expect(await sendReminder(seeded.db, await agent(), { requestId: request.id, body: "Any news?", submissionKey: randomUUID() })).toEqual(refusal("reminder_needs_pending"));
    expect(await agentReply(seeded.db, await agent(), { requestId: request.id, body: "   ", submissionKey: randomUUID() })).toEqual({ ok: false, reason: "invalid", fieldErrors: { body: "required" } });
    expect(await snapshot(request.id)).toEqual(before);
  });

  it("is not found for customers and for requests that do not exist, changing nothing", async () => {
    const request = await pick(ACTIVE);
    const before = await snapshot(request.id);
    const requester = await viewerFor(request.requester.email);
    expect(await holdRequest(seeded.db, requester, { requestId: request.id, holdReason: "with_engineering" })).toEqual({ ok: false, reason: "not_found" });
    expect(await addInternalNote(seeded.db, requester, { requestId: request.id, body: "Sneaky", submissionKey: randomUUID() })).toEqual({ ok: false, reason: "not_found" });
    expect(await agentReply(seeded.db, requester, { requestId: request.id, body: "Sneaky", submissionKey: randomUUID() })).toEqual({ ok: false, reason: "not_found" });
    expect(await assignRequest(seeded.db, requester, { requestId: request.id, assigneeId: requester.actor.userId })).toMatchObject({ ok: false });
    expect(await solveRequest(seeded.db, await agent(), { requestId: 999_999, solvedReason: "agreed" })).toEqual({ ok: false, reason: "not_found" });
    expect(await solveRequest(seeded.db, await agent(), { requestId: "12abc", solvedReason: "agreed" })).toEqual({ ok: false, reason: "not_found" });
    expect(await snapshot(request.id)).toEqual(before);
  });

  it("puts On-hold with a reason and solves as agreed, recording each change", async () => {
    const request = await pick({ status: "pending", mergedIntoId: null });
    const at = later(3);
    expect(await holdRequest(seeded.db, await agent(at), { requestId: request.id, holdReason: "other", holdReasonText: "Waiting for the data center" })).toEqual({ ok: true });
    expect(await solveRequest(seeded.db, await agent(later(4)), { requestId: request.id, solvedReason: "agreed" })).toEqual({ ok: true });
    const after = (await snapshot(request.id)).request;
    expect(after).toMatchObject({ status: "solved", solvedReason: "agreed", onHoldReason: null, version: request.version + 2 });
    expect((await eventsOf(request.id, at)).map((event) => [event.type, event.fromStatus, event.toStatus, event.data])).toEqual([
      ["status_changed", "pending", "on_hold", { holdReason: { code: "other", text: "Waiting for the data center" } }],
      ["status_changed", "on_hold", "solved", { solvedReason: "agreed" }],
    ]);
  });

  it("reclassifies with a reason the customer sees in the priority history", async () => {
    const request = await pick({ ...ACTIVE, priority: "S3" });
    expect(await reclassifyRequest(seeded.db, await agent(later(5)), { requestId: request.id, priority: "S2", reason: "Production is affected" })).toEqual({ ok: true });
    const page = await requestPage(await viewerFor(request.requester.email, later(6)), request.id);
    expect(page?.priority).toBe("S2");
    expect(page?.priorityHistory.at(-1)).toMatchObject({ from: "S3", to: "S2", reason: "Production is affected" });
  });

  it("sends a reminder on a Pending request: a public reply marked as reminder, linked to its event", async () => {
    const request = await pick({ status: "pending", mergedIntoId: null });
    const at = later(7);
    expect(await sendReminder(seeded.db, await agent(at), { requestId: request.id, body: "Did the fix work for you?", submissionKey: randomUUID() })).toEqual({ ok: true });
    const comment = await seeded.db.comment.findFirstOrThrow({ where: { requestId: request.id, createdAt: at } });
    expect(comment).toMatchObject({ visibility: "public", isReminder: true });
    const after = (await snapshot(request.id)).request;
    expect(after.status).toBe("pending");
    expect(after.lastReminderAt).toEqual(at);
    expect((await eventsOf(request.id, at)).map((event) => [event.type, event.commentId])).toEqual([["reminder_sent", comment.id]]);
  });

  it("assigns to self, to another agent and to nobody, never to a customer", async () => {
    const request = await pick({});
    const me = await agent(later(8));
    expect(await assignRequest(seeded.db, me, { requestId: request.id, assigneeId: me.actor.userId })).toEqual({ ok: true });
    expect((await snapshot(request.id)).request.assigneeId).toBe(me.actor.userId);
    expect(await assignRequest(seeded.db, me, { requestId: request.id, assigneeId: DEMO_USERS.hana.id })).toEqual({ ok: true });
    const before = await snapshot(request.id);
    expect(await assignRequest(seeded.db, me, { requestId: request.id, assigneeId: request.requesterId })).toEqual({ ok: false, reason: "invalid", fieldErrors: { assigneeId: "invalid" } });
    expect(await snapshot(request.id)).toEqual(before);
    expect(await assignRequest(seeded.db, me, { requestId: request.id, assigneeId: "" })).toEqual({ ok: true });
    const after = (await snapshot(request.id)).request;
    expect(after.assigneeId).toBeNull();
    expect(after.version).toBe(request.version + 3);
    expect((await eventsOf(request.id, later(8))).map((event) => [event.type, event.data])).toEqual([
      ["assigned", { assigneeId: me.actor.userId }],
      ["assigned", { assigneeId: DEMO_USERS.hana.id }],
      ["assigned", { assigneeId: null }],
    ]);
  });

  it("keeps internal notes from customers: not on the page, not in search; the request state is untouched", async () => {
    const request = await pick({ mergedIntoId: null });
    const before = await snapshot(request.id);
    const word = "zanzibarquokka";
    expect(await addInternalNote(seeded.db, await agent(later(9)), { requestId: request.id, body: `Internal: ${word}`, submissionKey: randomUUID() })).toEqual({ ok: true });
    const after = await snapshot(request.id);
    expect(after.comments).toBe(before.comments + 1);
    expect(after.events).toBe(before.events);
    expect(after.request.lastActivityAt).toEqual(before.request.lastActivityAt);
    expect(after.request.status).toBe(before.request.status);

    const customer = await viewerFor(request.requester.email, later(10));
    const page = await requestPage(customer, request.id);
    expect(page).not.toBeNull();
    expect(JSON.stringify(page)).not.toContain(word);
    expect(await listRequests(seeded.db, customer, { q: word })).toMatchObject({ ok: true, page: { items: [] } });
    // Agents do read it.
    const agentPage = await requestPage(await agent(later(10)), request.id);
    expect(agentPage?.thread.some((entry) => entry.kind === "comment" && entry.internal && entry.body.includes(word))).toBe(true);
  });

  it("merges into a request of the same organization: the merged one is Solved (merged), its own merges follow, both sides link each other", async () => {
    const acme: Prisma.RequestWhereInput = { mergedIntoId: null, organization: { slug: "acme" } };
    const target = await pick(acme);
    const source = await pick({ ...acme, requesterId: { not: target.requesterId } });
    const earlier = await pick(acme);
    // A request already merged into the source, which must follow it to the target.
    expect(await mergeRequest(seeded.db, await agent(later(11)), { requestId: earlier.id, targetId: source.id })).toEqual({ ok: true });
    const targetVersion = (await snapshot(target.id)).request.version;

    expect(await mergeRequest(seeded.db, await agent(later(12)), { requestId: source.id, targetId: target.id })).toEqual({ ok: true });
    expect((await snapshot(source.id)).request).toMatchObject({ status: "solved", solvedReason: "merged", mergedIntoId: target.id });
    expect((await snapshot(earlier.id)).request.mergedIntoId).toBe(target.id);
    expect((await snapshot(target.id)).request.version).toBe(targetVersion + 1);
    const targetEvents = await eventsOf(target.id, later(12));
    expect(targetEvents.filter((event) => event.type === "merge_received").map((event) => event.data)).toEqual([{ requestId: source.id }, { requestId: earlier.id }]);
    // Nobody is added to either request: the domain's merge relations open the links.
    expect(targetEvents.filter((event) => event.type === "cc_added")).toEqual([]);

    // The customers of both can open both pages and follow the links.
    for (const email of [source.requester.email, target.requester.email]) {
      const customer = await viewerFor(email, later(13));
      const sourcePage = await requestPage(customer, source.id);
      const targetPage = await requestPage(customer, target.id);
      expect(sourcePage?.resolution?.mergedInto?.id).toBe(target.id);
      expect(targetPage?.mergedFrom.map((link) => link.id)).toContain(source.id);
    }
    // The conversation continues in the target: the source's requester replies there; the target's
    // requester reads the merged request without replying to it.
    expect((await requestPage(await viewerFor(source.requester.email, later(13)), target.id))?.canReply).toBe(true);
    expect(await replyToRequest(seeded.db, await viewerFor(source.requester.email, later(13)), { requestId: target.id, body: "Following up here, as asked.", submissionKey: randomUUID() })).toMatchObject({ ok: true });
    expect(await requestPage(await viewerFor(target.requester.email, later(13)), source.id)).toMatchObject({ canReply: false, readsThrough: "merge_link" });
  });

  it("refuses merges the domain forbids and a target that does not exist, changing nothing", async () => {
    const source = await pick({ mergedIntoId: null, organization: { slug: "acme" } });
    const other = await pick({ mergedIntoId: null, organization: { slug: "globex" } });
    const [merged, live] = [await pick({ mergedIntoId: null, organization: { slug: "acme" } }), await pick({ mergedIntoId: null, organization: { slug: "acme" } })];
    const me = await agent(later(14));
    expect(await mergeRequest(seeded.db, me, { requestId: merged.id, targetId: live.id })).toEqual({ ok: true });
    const before = await snapshot(source.id);
    expect(await mergeRequest(seeded.db, me, { requestId: source.id, targetId: other.id })).toEqual(refusal("merge_across_organizations"));
    expect(await mergeRequest(seeded.db, me, { requestId: source.id, targetId: source.id })).toEqual(refusal("merge_into_self"));
    expect(await mergeRequest(seeded.db, me, { requestId: source.id, targetId: 999_999 })).toEqual(refusal("merge_target_not_found"));
    expect(await mergeRequest(seeded.db, me, { requestId: source.id, targetId: merged.id })).toEqual(refusal("merge_target_is_merged"));
    expect(await mergeRequest(seeded.db, me, { requestId: merged.id, targetId: source.id })).toEqual(refusal("already_merged"));
    expect(await snapshot(source.id)).toEqual(before);
  });
});

describe("the agent request page", () => {
  it("shows agents the internal notes, the full event log, the agents and same-organization merge candidates; nothing to customers", async () => {
    const request = await pick({ mergedIntoId: null, comments: { some: { visibility: "internal" } } });
    const page = await agentRequestPage(await agent(), request.id);
    expect(page).not.toBeNull();
    expect(page?.request.thread.some((entry) => entry.kind === "comment" && entry.internal)).toBe(true);
    const events = await seeded.db.requestEvent.count({ where: { requestId: request.id } });
    expect(page?.events).toHaveLength(events);
    expect(page?.agents.every((person) => person.isAgent)).toBe(true);
    expect(page?.agents.map((person) => person.id)).toContain(DEMO_USERS.hana.id);
    const candidates = await seeded.db.request.findMany({ where: { id: { in: page?.mergeCandidates.map((candidate) => candidate.id) ?? [] } } });
    expect(candidates.length).toBeGreaterThan(0);
    for (const candidate of candidates) {
      expect(candidate).toMatchObject({ organizationId: request.organizationId, mergedIntoId: null });
      expect(candidate.id).not.toBe(request.id);
    }

    expect(await getAgentRequestPage(seeded.db, await viewerFor(request.requester.email), { requestId: request.id })).toEqual({ ok: false, reason: "not_found" });
    expect(await getAgentRequestPage(seeded.db, await agent(), { requestId: 999_999 })).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("two agents at once", () => {
  // A PostgreSQL server runs the two transactions side by side on two clients; the embedded
  // database serves one session, so there they queue on the one client.
  const secondClient = (): Database => (seeded.database.poolMax > 1 ? createDatabase({ url: seeded.database.url, poolMax: 2 }) : seeded.db);

  it("lands a reply and a reclassification made at the same time", async () => {
    const second = secondClient();
    try {
      const request = await pick({ ...WITH_SUPPORT, priority: { in: ["S2", "S3", "S4"] } });
      const [morgan, hana] = [await agent(later(20)), await viewerFor("hana@portico.test", later(20))];
      const results = await Promise.all([
        agentReply(seeded.db, morgan, { requestId: request.id, body: "Concurrent reply", submissionKey: randomUUID() }),
        reclassifyRequest(second, hana, { requestId: request.id, priority: "S1", reason: "Outage" }),
      ]);
      expect(results).toEqual([{ ok: true }, { ok: true }]);
      const after = (await snapshot(request.id)).request;
      expect(after).toMatchObject({ status: "pending", priority: "S1", version: request.version + 2 });
      expect(await seeded.db.comment.count({ where: { requestId: request.id, body: "Concurrent reply" } })).toBe(1);
      expect((await eventsOf(request.id, later(20))).map((event) => event.type).sort()).toEqual(["priority_changed", "status_changed"]);
    } finally {
      if (second !== seeded.db) await second.$disconnect();
    }
  });

  it("lands two replies made at the same time", async () => {
    const second = secondClient();
    try {
      const request = await pick(ACTIVE);
      const [morgan, hana] = [await agent(later(21)), await viewerFor("hana@portico.test", later(21))];
      const results = await Promise.all([
        agentReply(seeded.db, morgan, { requestId: request.id, body: "First agent", submissionKey: randomUUID() }),
        agentReply(second, hana, { requestId: request.id, body: "Second agent", then: "open", submissionKey: randomUUID() }),
      ]);
      expect(results).toEqual([{ ok: true }, { ok: true }]);
      const after = (await snapshot(request.id)).request;
      expect(after.version).toBe(request.version + 2);
      expect(await seeded.db.comment.count({ where: { requestId: request.id, body: { in: ["First agent", "Second agent"] } } })).toBe(2);
    } finally {
      if (second !== seeded.db) await second.$disconnect();
    }
  });
});
