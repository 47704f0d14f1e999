import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DAY, DEFAULT_RATING_WINDOW_DAYS } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import type { Reader } from "@/server/people/viewer";
import { getAgentRequestPage } from "@/server/requests/get-agent-request-page";
import { getRequestPage } from "@/server/requests/get-request-page";
import { markSolved } from "@/server/requests/mark-solved";
import { rateRequest } from "@/server/requests/rate-request";
import { getSatisfactionFigure } from "@/server/requests/satisfaction-figure";
import { solveRequest } from "@/server/requests/solve-request";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor as viewerOf } from "../setup/viewers";

// docs/product.md §4.1 (the requester's Mark as solved) and §4.5 (the satisfaction rating), on a real
// database: who may, what is written with it, and what is refused with nothing changed.

const seeded = prepareSeededDatabase();
const NOW = seeded.now;
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const viewerFor = (email: string, now = NOW) => viewerOf(seeded.db, email, now);
const agent = (now = NOW) => viewerFor("agent@portico.test", now);
const NOT_FOUND = { ok: false, reason: "not_found" };
const refusal = (code: string) => ({ ok: false, reason: "refused", refusal: expect.objectContaining({ code }) });

/** Each test works on its own requests: the first unused one matching `where`. */
const used = new Set<number>();
async function pick(where: Prisma.RequestWhereInput) {
  const row = await seeded.db.request.findFirst({
    where: { AND: [where, { id: { notIn: [...used] } }] },
    select: { id: true, version: true, requester: { select: { email: true } }, ccs: { select: { user: { select: { email: true } } } } },
    orderBy: { id: "asc" },
  });
  if (!row) throw new Error(`no request for ${JSON.stringify(where)}`);
  used.add(row.id);
  return { ...row, requesterEmail: row.requester.email };
}

/** Everything a refused action must leave as it was. */
async function snapshot(requestId: number) {
  const [request, events, streamEvents, rating] = await Promise.all([
    seeded.db.request.findUniqueOrThrow({ where: { id: requestId } }),
    seeded.db.requestEvent.count({ where: { requestId } }),
    seeded.db.requestStreamEvent.count({ where: { requestId } }),
    seeded.db.satisfactionRating.findUnique({ where: { requestId } }),
  ]);
  return { request, events, streamEvents, rating };
}

async function pageFor(viewer: Reader, requestId: number) {
  const outcome = await getRequestPage(seeded.db, viewer, { requestId });
  if (!outcome.ok) throw new Error(`page not found: ${requestId}`);
  return outcome.page;
}

/** Open or Pending, not merged: the requester may mark it solved. */
const ACTIVE: Prisma.RequestWhereInput = { status: { in: ["open", "pending"] }, mergedIntoId: null };
/** An Acme request with someone CC'd that carol reads through organization-level access only. */
const ACTIVE_WITH_CC: Prisma.RequestWhereInput = {
  ...ACTIVE,
  organization: { name: { contains: "Acme" } },
  requester: { email: { not: "carol@acme.test" } },
  ccs: { some: {}, none: { user: { email: "carol@acme.test" } } },
};

async function solvedByRequester(at: Date) {
  const request = await pick(ACTIVE);
  expect(await markSolved(seeded.db, await viewerFor(request.requesterEmail, at), { requestId: request.id, submissionKey: randomUUID() })).toEqual({ ok: true });
  return request;
}

describe("docs/product.md §4.1 the requester marks their request as solved", () => {
  it("solves an Open or Pending request as agreed, recorded as the requester's, with the live pages told", async () => {
    const request = await pick(ACTIVE_WITH_CC);
    const before = await snapshot(request.id);
    const at = later(1);
    const alice = await viewerFor(request.requesterEmail, at);
    expect((await pageFor(alice, request.id)).canMarkSolved).toBe(true);

    expect(await markSolved(seeded.db, alice, { requestId: request.id, submissionKey: randomUUID() })).toEqual({ ok: true });

    const after = await snapshot(request.id);
    expect(after.request).toMatchObject({ status: "solved", solvedReason: "agreed", solvedAt: at, version: request.version + 1 });
    const events = await seeded.db.requestEvent.findMany({ where: { requestId: request.id, createdAt: at } });
    expect(events.map((event) => [event.type, event.actorId, event.fromStatus, event.toStatus, event.data])).toEqual([
      ["status_changed", alice.actor.userId, before.request.status, "solved", { solvedReason: "agreed", byRequester: true }],
    ]);
    expect(after.streamEvents).toBe(before.streamEvents + 1);

    const page = await pageFor(alice, request.id);
    expect(page.resolution).toMatchObject({ reason: "agreed", byRequester: true });
    expect(page.canMarkSolved).toBe(false);
    expect(page.rating).toBeNull();
    expect(page.ratingOpenUntil).toEqual(new Date(at.getTime() + DEFAULT_RATING_WINDOW_DAYS * DAY));
  });

  it("is the requester's alone: a CC, an organization viewer and an agent find no such request, and nothing changes", async () => {
    const request = await pick(ACTIVE_WITH_CC);
    const before = await snapshot(request.id);
    const cc = await viewerFor(request.ccs[0]!.user.email);
    const carol = await viewerFor("carol@acme.test");
    for (const viewer of [cc, carol, await agent()]) {
      expect(await markSolved(seeded.db, viewer, { requestId: request.id, submissionKey: randomUUID() })).toEqual(NOT_FOUND);
    }
    // They still read it, without the button.
    expect((await pageFor(cc, request.id)).canMarkSolved).toBe(false);
    expect((await pageFor(carol, request.id)).canMarkSolved).toBe(false);
    expect(await snapshot(request.id)).toEqual(before);
  });

  it("is refused On-hold and once Solved, and a second submission of the same form solves once", async () => {
    const held = await pick({ status: "on_hold", mergedIntoId: null });
    const heldBefore = await snapshot(held.id);
    expect(await markSolved(seeded.db, await viewerFor(held.requesterEmail), { requestId: held.id, submissionKey: randomUUID() })).toEqual(
      refusal("requester_solve_needs_open_or_pending"),
    );
    expect(await snapshot(held.id)).toEqual(heldBefore);

    const request = await pick(ACTIVE);
    const alice = await viewerFor(request.requesterEmail, later(2));
    const form = { requestId: request.id, submissionKey: randomUUID() };
    expect(await markSolved(seeded.db, alice, form)).toEqual({ ok: true });
    const solved = await snapshot(request.id);
    expect(await markSolved(seeded.db, alice, form)).toEqual({ ok: true });
    expect(await snapshot(request.id)).toEqual(solved);
    expect(await markSolved(seeded.db, alice, { ...form, submissionKey: randomUUID() })).toEqual(refusal("requester_solve_needs_open_or_pending"));
    expect(await snapshot(request.id)).toEqual(solved);
  });

  it("is refused on a merged request", async () => {
    const merged = await pick({ mergedIntoId: { not: null } });
    const before = await snapshot(merged.id);
    expect(await markSolved(seeded.db, await viewerFor(merged.requesterEmail), { requestId: merged.id, submissionKey: randomUUID() })).toEqual(refusal("merged_request_is_closed"));
    expect(await snapshot(merged.id)).toEqual(before);
  });
});

describe("docs/product.md §4.5 the requester rates the answer", () => {
  it("rates a Solved request, then changes the rating: one rating, an event each time, the request itself untouched", async () => {
    const solvedAt = later(10);
    const request = await solvedByRequester(solvedAt);
    const afterSolve = await snapshot(request.id);

    const first = later(20);
    const alice = await viewerFor(request.requesterEmail, first);
    expect(await rateRequest(seeded.db, alice, { requestId: request.id, score: "bad", comment: "  It took three tries.  " })).toEqual({ ok: true, changed: false });
    let now = await snapshot(request.id);
    expect(now.rating).toMatchObject({ raterId: alice.actor.userId, score: "bad", comment: "It took three tries.", ratedAt: first, updatedAt: first });
    // A rating is not a change of the request: same version, same activity, same status.
    expect(now.request).toEqual(afterSolve.request);
    expect(now.events).toBe(afterSolve.events + 1);
    expect(now.streamEvents).toBe(afterSolve.streamEvents + 1);

    const second = later(30);
    expect(await rateRequest(seeded.db, await viewerFor(request.requesterEmail, second), { requestId: request.id, score: "good", comment: "" })).toEqual({ ok: true, changed: true });
    now = await snapshot(request.id);
    expect(now.rating).toMatchObject({ score: "good", comment: null, ratedAt: first, updatedAt: second });
    expect(await seeded.db.satisfactionRating.count({ where: { requestId: request.id } })).toBe(1);
    const rated = await seeded.db.requestEvent.findMany({ where: { requestId: request.id, type: "satisfaction_rated" }, orderBy: { createdAt: "asc" } });
    expect(rated.map((event) => [event.actorId, event.data, event.createdAt])).toEqual([
      [alice.actor.userId, { score: "bad" }, first],
      [alice.actor.userId, { score: "good" }, second],
    ]);

    // The requester's page shows it; agents read it with who rated and until when it may change.
    const page = await pageFor(alice, request.id);
    expect(page.rating).toMatchObject({ score: "good", comment: null, updatedAt: second });
    const agentsPage = await getAgentRequestPage(seeded.db, await agent(second), { requestId: request.id });
    if (!agentsPage.ok) throw new Error("the agent's page was not found");
    expect(agentsPage.page.rating).toEqual({
      rating: expect.objectContaining({ score: "good", raterName: (await seeded.db.user.findUniqueOrThrow({ where: { email: request.requesterEmail } })).name }),
      openUntil: new Date(solvedAt.getTime() + DEFAULT_RATING_WINDOW_DAYS * DAY),
      openNow: true,
    });
    expect(await getAgentRequestPage(seeded.db, alice, { requestId: request.id })).toEqual(NOT_FOUND);
    expect(page.ratingForAgents).toBeNull();
  });

  it("refuses once the window after the solve has closed, keeping the rating as it was", async () => {
    const solvedAt = later(40);
    const request = await solvedByRequester(solvedAt);
    expect(await rateRequest(seeded.db, await viewerFor(request.requesterEmail, later(41)), { requestId: request.id, score: "good" })).toMatchObject({ ok: true });
    const before = await snapshot(request.id);
    const afterWindow = new Date(solvedAt.getTime() + DEFAULT_RATING_WINDOW_DAYS * DAY + 1);
    const alice = await viewerFor(request.requesterEmail, afterWindow);
    expect(await rateRequest(seeded.db, alice, { requestId: request.id, score: "bad" })).toEqual(refusal("rating_window_closed"));
    expect(await snapshot(request.id)).toEqual(before);
    const page = await pageFor(alice, request.id);
    expect(page.ratingOpenUntil).toBeNull();
    expect(page.rating).toMatchObject({ score: "good" });
  });

  it("refuses a merged request, one not solved yet, and malformed input; changing nothing", async () => {
    const merged = await pick({ mergedIntoId: { not: null } });
    const mergedBefore = await snapshot(merged.id);
    expect(await rateRequest(seeded.db, await viewerFor(merged.requesterEmail), { requestId: merged.id, score: "good" })).toEqual(refusal("rating_merged"));
    expect(await snapshot(merged.id)).toEqual(mergedBefore);

    const open = await pick(ACTIVE);
    const openBefore = await snapshot(open.id);
    const alice = await viewerFor(open.requesterEmail);
    expect(await rateRequest(seeded.db, alice, { requestId: open.id, score: "good" })).toEqual(refusal("rating_needs_solved"));
    expect(await rateRequest(seeded.db, alice, { requestId: open.id })).toEqual({ ok: false, reason: "invalid", fieldErrors: { score: "required" } });
    expect(await snapshot(open.id)).toEqual(openBefore);

    const solved = await solvedByRequester(later(50));
    const solvedBefore = await snapshot(solved.id);
    const rater = await viewerFor(solved.requesterEmail, later(51));
    expect(await rateRequest(seeded.db, rater, { requestId: solved.id, score: "meh" })).toEqual(refusal("unknown_score"));
    expect(await rateRequest(seeded.db, rater, { requestId: solved.id, score: "bad", comment: "x".repeat(2001) })).toEqual(refusal("rating_comment_too_long"));
    expect(await snapshot(solved.id)).toEqual(solvedBefore);
  });

  it("is the requester's alone: a CC, an organization viewer and an agent find no such request", async () => {
    const request = await pick({ ...ACTIVE_WITH_CC, status: { in: ["open", "pending", "on_hold"] } });
    expect(await solveRequest(seeded.db, await agent(later(60)), { requestId: request.id, solvedReason: "agreed" })).toEqual({ ok: true });
    const before = await snapshot(request.id);
    for (const viewer of [await viewerFor(request.ccs[0]!.user.email, later(61)), await viewerFor("carol@acme.test", later(61)), await agent(later(61))]) {
      expect(await rateRequest(seeded.db, viewer, { requestId: request.id, score: "good" })).toEqual(NOT_FOUND);
      expect((await pageFor(viewer, request.id)).ratingOpenUntil).toBeNull();
    }
    expect(await snapshot(request.id)).toEqual(before);
    // An agent's solve can be rated as well as the requester's own.
    expect(await rateRequest(seeded.db, await viewerFor(request.requesterEmail, later(62)), { requestId: request.id, score: "good" })).toMatchObject({ ok: true });
  });
});

describe("the queue's satisfaction figure", () => {
  it("is the share of good ratings given or changed in the last 30 days, with their count; agents only", async () => {
    const at = later(24 * 60);
    const figure = async (now: Date) => {
      const outcome = await getSatisfactionFigure(seeded.db, await agent(now));
      if (!outcome.ok) throw new Error("no figure");
      return outcome.figure;
    };
    const before = await figure(at);
    const good = await solvedByRequester(later(70));
    const bad = await solvedByRequester(later(71));
    await rateRequest(seeded.db, await viewerFor(good.requesterEmail, later(72)), { requestId: good.id, score: "good" });
    await rateRequest(seeded.db, await viewerFor(bad.requesterEmail, later(73)), { requestId: bad.id, score: "bad" });
    const after = await figure(at);
    expect([after.good - before.good, after.bad - before.bad]).toEqual([1, 1]);
    expect(after.percent).toBe(Math.round((after.good / (after.good + after.bad)) * 100));
    // Thirty-one days on, none of them counts any more.
    expect(await figure(new Date(later(73).getTime() + 31 * DAY))).toMatchObject({ good: 0, bad: 0, percent: null });
    expect(await getSatisfactionFigure(seeded.db, await viewerFor("alice@acme.test"))).toEqual(NOT_FOUND);
  });
});
