import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEFAULT_SERVICE_LEVEL_POLICY } from "@/domain";
import { createRequest } from "@/server/requests/create-request";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// docs/product.md §2: a customer opens a request with a subject, a description, a priority and CCs from
// their organization. Written in one transaction with its workflow clocks, service-level due time
// and first events — or not at all.

const NOW = new Date();
const seeded = prepareSeededDatabase(NOW);

const viewer = (email: string) => viewerFor(seeded.db, email, NOW);

async function userId(email: string) {
  return (await seeded.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

const valid = { subject: "Dashboard export times out", description: "Exports of **Sales** stop after 5 minutes.", priority: "S2", ccUserIds: [] as string[] };
/** The valid fields as one rendering of the form sends them: with a key of its own. */
const filled = () => ({ ...valid, submissionKey: randomUUID() });

async function counts() {
  const [requests, ccs, events] = await Promise.all([seeded.db.request.count(), seeded.db.requestCc.count(), seeded.db.requestEvent.count()]);
  return { requests, ccs, events };
}

describe("createRequest", () => {
  it("opens the request with its clocks, due time, CCs and events, in the requester's organization", async () => {
    const dave = await viewer("dave@acme.test");
    const bob = await userId("bob@acme.test");
    const erin = await userId("erin@acme.test");
    const result = await createRequest(seeded.db, dave, { ...filled(), subject: "  Dashboard export times out  ", ccUserIds: [bob, erin, bob] });
    expect(result).toEqual({ ok: true, id: expect.any(Number) });
    if (!result.ok) return;

    const request = await seeded.db.request.findUniqueOrThrow({ where: { id: result.id } });
    expect(request).toMatchObject({
      subject: "Dashboard export times out",
      description: valid.description,
      requesterId: dave.actor.userId,
      organizationId: "seed-org-acme",
      status: "open",
      priority: "S2",
      channel: "web",
      createdAt: NOW,
      lastActivityAt: NOW,
      lastCustomerMessageAt: NOW,
      firstAgentReplyAt: null,
      lastAgentReplyAt: null,
      solvedAt: null,
      reminderCount: 0,
    });
    // Support owes a first response within the S2 target.
    expect(request.responseDueAt).toEqual(new Date(NOW.getTime() + DEFAULT_SERVICE_LEVEL_POLICY.S2.firstResponseMs));
    // Ids continue after the demo data's.
    expect(result.id).toBeGreaterThan(1066);

    const ccs = await seeded.db.requestCc.findMany({ where: { requestId: result.id }, orderBy: { userId: "asc" } });
    expect(ccs.map((cc) => [cc.userId, cc.addedById])).toEqual([bob, erin].sort().map((id) => [id, dave.actor.userId]));

    const events = await seeded.db.requestEvent.findMany({ where: { requestId: result.id }, select: { type: true, actorId: true, toStatus: true, toPriority: true, data: true, createdAt: true } });
    expect(events).toHaveLength(3);
    expect(events).toEqual(
      expect.arrayContaining([
        { type: "created", actorId: dave.actor.userId, toStatus: "open", toPriority: "S2", data: { channel: "web" }, createdAt: NOW },
        { type: "cc_added", actorId: dave.actor.userId, toStatus: null, toPriority: null, data: { userId: bob }, createdAt: NOW },
        { type: "cc_added", actorId: dave.actor.userId, toStatus: null, toPriority: null, data: { userId: erin }, createdAt: NOW },
      ]),
    );
  });

  it.each([
    ["S1", DEFAULT_SERVICE_LEVEL_POLICY.S1.firstResponseMs],
    ["S4", DEFAULT_SERVICE_LEVEL_POLICY.S4.firstResponseMs],
  ] as const)("due time follows the priority (%s)", async (priority, targetMs) => {
    const result = await createRequest(seeded.db, await viewer("dave@acme.test"), { ...filled(), priority });
    if (!result.ok) throw new Error("refused");
    const request = await seeded.db.request.findUniqueOrThrow({ where: { id: result.id }, select: { responseDueAt: true, createdAt: true } });
    expect(request.responseDueAt!.getTime() - request.createdAt.getTime()).toBe(targetMs);
  });

  it("refuses a CC from another organization, and writes nothing", async () => {
    const before = await counts();
    const result = await createRequest(seeded.db, await viewer("dave@acme.test"), { ...filled(), ccUserIds: [await userId("bob@acme.test"), await userId("gina@globex.test")] });
    expect(result).toEqual({ ok: false, reason: "invalid", fieldErrors: { ccUserIds: "cc_not_in_organization" } });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["the requester", "dave@acme.test"],
    ["an agent", "agent@portico.test"],
  ])("refuses %s as a CC", async (_, email) => {
    const before = await counts();
    const result = await createRequest(seeded.db, await viewer("dave@acme.test"), { ...filled(), ccUserIds: [await userId(email)] });
    expect(result).toEqual({ ok: false, reason: "invalid", fieldErrors: { ccUserIds: "cc_not_in_organization" } });
    expect(await counts()).toEqual(before);
  });

  it("refuses an empty subject and a blank description, and says which fields", async () => {
    const before = await counts();
    expect(await createRequest(seeded.db, await viewer("dave@acme.test"), { ...filled(), subject: "   ", description: " \r\n ", priority: undefined })).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { subject: "subject_required", description: "description_required", priority: "priority_required" },
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses text that is too long, too many CCs, and an unknown priority", async () => {
    const dave = await viewer("dave@acme.test");
    expect(await createRequest(seeded.db, dave, { ...filled(), subject: "x".repeat(201) })).toEqual({ ok: false, reason: "invalid", fieldErrors: { subject: "subject_too_long" } });
    expect(await createRequest(seeded.db, dave, { ...filled(), description: "x".repeat(20_001) })).toEqual({ ok: false, reason: "invalid", fieldErrors: { description: "description_too_long" } });
    // Line breaks count once, however the browser sent them.
    expect((await createRequest(seeded.db, dave, { ...filled(), description: "x\r\n".repeat(10_000) })).ok).toBe(true);
    expect(await createRequest(seeded.db, dave, { ...filled(), ccUserIds: Array.from({ length: 21 }, (_, i) => `user-${i}`) })).toEqual({ ok: false, reason: "invalid", fieldErrors: { ccUserIds: "cc_too_many" } });
    expect(await createRequest(seeded.db, dave, { ...filled(), priority: "S5" })).toEqual({ ok: false, reason: "invalid", fieldErrors: { priority: "priority_required" } });
  });

  it("refuses agents, who open no requests of their own", async () => {
    const before = await counts();
    expect(await createRequest(seeded.db, await viewer("agent@portico.test"), filled())).toEqual({ ok: false, reason: "refused", refusal: expect.objectContaining({ code: "agents_cannot_create" }) });
    expect(await counts()).toEqual(before);
  });

  it("takes the organization from the membership; a customer of several chooses one of theirs", async () => {
    const dave = await viewer("dave@acme.test");
    expect(await createRequest(seeded.db, dave, { ...filled(), organizationId: "seed-org-globex" })).toEqual({ ok: false, reason: "invalid", fieldErrors: { organizationId: "organization_required" } });

    const several = { ...dave, actor: { ...dave.actor, memberships: [...dave.actor.memberships, { organizationId: "seed-org-globex", isTechnicalContact: false, isAdmin: false }] } };
    expect(await createRequest(seeded.db, several, filled())).toEqual({ ok: false, reason: "invalid", fieldErrors: { organizationId: "organization_required" } });
    const chosen = await createRequest(seeded.db, several, { ...filled(), organizationId: "seed-org-globex", ccUserIds: [await userId("gina@globex.test")] });
    if (!chosen.ok) throw new Error(JSON.stringify(chosen));
    expect(await seeded.db.request.findUniqueOrThrow({ where: { id: chosen.id }, select: { organizationId: true } })).toEqual({ organizationId: "seed-org-globex" });
  });
});
