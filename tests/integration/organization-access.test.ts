import { describe, expect, it } from "vitest";
import { decideOrganizationAccess } from "@/server/organization-access/decide-organization-access";
import { getOrganizationAccessOverview } from "@/server/organization-access/get-organization-access-overview";
import { grantOrganizationAccess } from "@/server/organization-access/grant-organization-access";
import { requestOrganizationAccess } from "@/server/organization-access/request-organization-access";
import { revokeOrganizationAccess } from "@/server/organization-access/revoke-organization-access";
import type { Reader } from "@/server/people/viewer";
import { listRequests } from "@/server/requests/list-requests";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// docs/product.md §6 through the use cases, on the demo data: technical contacts ask, admins ask by naming
// a technical contact who approves or declines, agents grant and revoke; the Organization scope of My
// Requests follows the grant on the next query.

const NOW = new Date();
const seeded = prepareSeededDatabase(NOW);

/** Dave's seeded request, naming Erin (prisma/seed/demo-data.ts, request 1044). */
const DAVES_PENDING_REQUEST = "seed-access-1044";

const viewer = (email: string, now = NOW) => viewerFor(seeded.db, email, now);

async function overviewOf(viewer: Reader) {
  const result = await getOrganizationAccessOverview(seeded.db, viewer, {});
  if (!result.ok) throw new Error("no overview");
  return result.overview;
}

async function userId(email: string) {
  return (await seeded.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

async function scopes(email: string) {
  const result = await listRequests(seeded.db, await viewer(email), {});
  return result.ok ? result.page.scopes : [];
}

const refusal = (code: string) => ({ ok: false, reason: "refused", refusal: expect.objectContaining({ code }) });
const notFound = { ok: false, reason: "not_found" };

/** The person's open access request: the one an earlier test left, or a new one. */
async function openRequestOf(email: string, input: Record<string, string> = {}) {
  const asker = await viewer(email);
  const asked = await requestOrganizationAccess(seeded.db, asker, input);
  if (asked.ok) return asked.accessRequestId;
  expect(asked).toEqual(refusal("already_requested"));
  const open = await seeded.db.organizationAccessRequest.findFirstOrThrow({
    where: { requesterId: asker.actor.userId, approvalState: { in: ["pending", "not_required", "approved"] }, grants: { none: {} } },
    select: { id: true },
  });
  return open.id;
}

describe("asking for organization-level access", () => {
  it("a technical contact asks for their own organization without approval, once", async () => {
    const jiho = await viewer("jiho@globex.test");
    const result = await requestOrganizationAccess(seeded.db, jiho, { note: "  Monthly review  " });
    expect(result).toEqual({ ok: true, accessRequestId: expect.any(String), approvalState: "not_required" });
    if (!result.ok) return;
    const row = await seeded.db.organizationAccessRequest.findUniqueOrThrow({ where: { id: result.accessRequestId } });
    expect(row).toMatchObject({ organizationId: "seed-org-globex", requesterId: jiho.actor.userId, approverId: null, approvalState: "not_required", note: "Monthly review", decidedAt: null });

    // Asking again while the first waits for the support team adds nothing.
    expect(await requestOrganizationAccess(seeded.db, jiho, {})).toEqual(refusal("already_requested"));
    expect(await seeded.db.organizationAccessRequest.count({ where: { requesterId: jiho.actor.userId, approvalState: "not_required" } })).toBe(1);

    const overview = await overviewOf(jiho);
    expect(overview.organizations[0]).toMatchObject({ organizationName: "Globex", next: { kind: "wait" }, activeGrant: null });
    expect(overview.organizations[0]?.requests[0]).toMatchObject({ id: result.accessRequestId, stage: "waiting_for_grant" });
  });

  it("an admin must name an approver, and the approver must be a technical contact of the organization", async () => {
    const paolo = await viewer("paolo@globex.test");
    const before = await seeded.db.organizationAccessRequest.count();
    expect(await requestOrganizationAccess(seeded.db, paolo, {})).toEqual(refusal("approver_required"));
    expect(await requestOrganizationAccess(seeded.db, paolo, { approverId: await userId("gina@globex.test") })).toEqual(refusal("approver_not_technical_contact"));
    // A technical contact, but of another organization.
    expect(await requestOrganizationAccess(seeded.db, paolo, { approverId: await userId("erin@acme.test") })).toEqual(refusal("approver_not_technical_contact"));
    expect(await requestOrganizationAccess(seeded.db, paolo, { approverId: paolo.actor.userId })).toEqual(refusal("approver_is_requester"));
    expect(await requestOrganizationAccess(seeded.db, paolo, { approverId: "no-such-user" })).toEqual(refusal("approver_not_technical_contact"));
    expect(await requestOrganizationAccess(seeded.db, paolo, { approverId: await userId("jiho@globex.test"), note: "x".repeat(1001) })).toEqual({ ok: false, reason: "invalid", fieldErrors: { note: "note_too_long" } });
    expect(await seeded.db.organizationAccessRequest.count()).toBe(before);

    const overview = await overviewOf(paolo);
    expect(overview.organizations[0]?.next).toEqual({ kind: "request_with_approver", technicalContacts: [expect.objectContaining({ email: "jiho@globex.test" })] });
  });

  it("a customer who is neither technical contact nor admin cannot ask, and an agent belongs to no organization", async () => {
    const alice = await viewer("alice@acme.test");
    expect(await requestOrganizationAccess(seeded.db, alice, {})).toEqual(refusal("not_entitled"));
    expect((await overviewOf(alice)).organizations[0]?.next).toEqual({ kind: "not_entitled" });
    expect(await requestOrganizationAccess(seeded.db, await viewer("agent@portico.test"), {})).toEqual(refusal("not_a_member"));
  });

  it("a person who has access already cannot ask again", async () => {
    const carol = await viewer("carol@acme.test");
    expect(await requestOrganizationAccess(seeded.db, carol, {})).toEqual(refusal("already_granted"));
    const [acme] = (await overviewOf(carol)).organizations;
    expect(acme).toMatchObject({ next: { kind: "granted" }, activeGrant: { grantedByName: expect.any(String) } });
    expect(acme?.requests[0]).toMatchObject({ stage: "granted" });
  });
});

describe("approving and declining", () => {
  it("only the named technical contact may decide", async () => {
    const input = { accessRequestId: DAVES_PENDING_REQUEST, decision: "approve" };
    for (const email of ["carol@acme.test", "dave@acme.test", "alice@acme.test", "jiho@globex.test", "agent@portico.test"]) {
      expect(await decideOrganizationAccess(seeded.db, await viewer(email), input), email).toEqual(notFound);
    }
    expect(await decideOrganizationAccess(seeded.db, await viewer("erin@acme.test"), { accessRequestId: "no-such-request", decision: "approve" })).toEqual(notFound);
    expect(await seeded.db.organizationAccessRequest.findUniqueOrThrow({ where: { id: DAVES_PENDING_REQUEST } })).toMatchObject({ approvalState: "pending", decidedAt: null });
  });

  it("erin sees dave's request waiting for her and approves it, once", async () => {
    const erin = await viewer("erin@acme.test");
    const waiting = (await overviewOf(erin)).approvals.find((approval) => approval.id === DAVES_PENDING_REQUEST);
    expect(waiting).toMatchObject({ approvalState: "pending", requester: { email: "dave@acme.test" }, organizationName: "Acme Corporation" });

    expect(await decideOrganizationAccess(seeded.db, erin, { accessRequestId: DAVES_PENDING_REQUEST, decision: "approve" })).toEqual({ ok: true, approvalState: "approved" });
    expect(await seeded.db.organizationAccessRequest.findUniqueOrThrow({ where: { id: DAVES_PENDING_REQUEST } })).toMatchObject({ approvalState: "approved", decidedAt: NOW });
    expect(await decideOrganizationAccess(seeded.db, erin, { accessRequestId: DAVES_PENDING_REQUEST, decision: "decline" })).toEqual(refusal("already_decided"));

    const [acme] = (await overviewOf(await viewer("dave@acme.test"))).organizations;
    expect(acme?.next).toEqual({ kind: "wait" });
    expect(acme?.requests.find((request) => request.id === DAVES_PENDING_REQUEST)).toMatchObject({ stage: "waiting_for_grant", approverName: "Erin Yoon" });
  });

  it("a declined request can be followed by a new one naming another technical contact", async () => {
    const paolo = await viewer("paolo@globex.test");
    const jiho = await viewer("jiho@globex.test");
    const asked = await requestOrganizationAccess(seeded.db, paolo, { approverId: jiho.actor.userId, note: "Quarterly review" });
    expect(asked).toEqual({ ok: true, accessRequestId: expect.any(String), approvalState: "pending" });
    if (!asked.ok) return;
    expect(await seeded.db.organizationAccessRequest.findUniqueOrThrow({ where: { id: asked.accessRequestId } })).toMatchObject({ approverId: jiho.actor.userId });
    expect(await requestOrganizationAccess(seeded.db, paolo, { approverId: jiho.actor.userId })).toEqual(refusal("already_requested"));

    expect(await decideOrganizationAccess(seeded.db, jiho, { accessRequestId: asked.accessRequestId, decision: "decline" })).toEqual({ ok: true, approvalState: "declined" });
    const [globex] = (await overviewOf(paolo)).organizations;
    expect(globex?.requests[0]).toMatchObject({ id: asked.accessRequestId, stage: "declined", approverName: "Ji-ho Park", decidedAt: NOW });
    expect(globex?.next.kind).toBe("request_with_approver");
    // A declined request is never granted.
    expect(await grantOrganizationAccess(seeded.db, await viewer("agent@portico.test"), { accessRequestId: asked.accessRequestId })).toEqual(refusal("not_approved"));
  });
});

describe("granting and revoking", () => {
  it("only agents grant, and only approved requests or a technical contact's own", async () => {
    const agent = await viewer("agent@portico.test");
    const dave = await viewer("dave@acme.test");
    const paolo = await viewer("paolo@globex.test");
    const pending = await openRequestOf("paolo@globex.test", { approverId: await userId("jiho@globex.test") });
    expect(await grantOrganizationAccess(seeded.db, agent, { accessRequestId: pending })).toEqual(refusal("not_approved"));
    expect(await grantOrganizationAccess(seeded.db, dave, { accessRequestId: pending })).toEqual(refusal("agents_only"));
    expect(await grantOrganizationAccess(seeded.db, agent, { accessRequestId: "no-such-request" })).toEqual(notFound);
    expect(await seeded.db.organizationAccessGrant.count({ where: { userId: paolo.actor.userId } })).toBe(0);
  });

  it("a granted technical contact gets the Organization scope on the next query, and loses it once revoked", async () => {
    const agent = await viewer("agent@portico.test");
    const jihoId = await userId("jiho@globex.test");
    const request = { id: await openRequestOf("jiho@globex.test") };
    expect(await scopes("jiho@globex.test")).toEqual(["mine", "ccd"]);

    expect(await grantOrganizationAccess(seeded.db, await viewer("jiho@globex.test"), { accessRequestId: request.id })).toEqual(refusal("agents_only"));
    const granted = await grantOrganizationAccess(seeded.db, agent, { accessRequestId: request.id });
    expect(granted).toEqual({ ok: true, grantId: expect.any(String) });
    if (!granted.ok) return;
    expect(await seeded.db.organizationAccessGrant.findUniqueOrThrow({ where: { id: granted.grantId } })).toMatchObject({
      organizationId: "seed-org-globex",
      userId: jihoId,
      grantedById: agent.actor.userId,
      accessRequestId: request.id,
      revokedAt: null,
    });
    expect(await scopes("jiho@globex.test")).toEqual(["mine", "ccd", "organization"]);
    expect(await grantOrganizationAccess(seeded.db, agent, { accessRequestId: request.id })).toEqual(refusal("already_granted"));

    const jiho = await viewer("jiho@globex.test");
    const [globex] = (await overviewOf(jiho)).organizations;
    expect(globex).toMatchObject({ next: { kind: "granted" }, activeGrant: { grantedAt: NOW, grantedByName: "Morgan Ellis" } });
    expect(globex?.requests[0]).toMatchObject({ id: request.id, stage: "granted" });

    expect(await revokeOrganizationAccess(seeded.db, jiho, { grantId: granted.grantId })).toEqual(refusal("agents_only"));
    expect(await revokeOrganizationAccess(seeded.db, agent, { grantId: granted.grantId })).toEqual({ ok: true });
    expect(await seeded.db.organizationAccessGrant.findUniqueOrThrow({ where: { id: granted.grantId } })).toMatchObject({ revokedAt: NOW, revokedById: agent.actor.userId });
    expect(await scopes("jiho@globex.test")).toEqual(["mine", "ccd"]);
    expect(await revokeOrganizationAccess(seeded.db, agent, { grantId: granted.grantId })).toEqual(refusal("grant_not_active"));

    // The ended grant closes the request: jiho may ask again.
    const after = (await overviewOf(await viewer("jiho@globex.test"))).organizations[0];
    expect(after).toMatchObject({ activeGrant: null, next: { kind: "request" } });
    expect(after?.requests[0]).toMatchObject({ id: request.id, stage: "ended", grant: { endedAt: NOW } });
  });

  it("an approved admin request is granted to the admin", async () => {
    const agent = await viewer("agent@portico.test");
    const jiho = await viewer("jiho@globex.test");
    const open = await openRequestOf("paolo@globex.test", { approverId: jiho.actor.userId });
    expect(await decideOrganizationAccess(seeded.db, jiho, { accessRequestId: open, decision: "approve" })).toEqual({ ok: true, approvalState: "approved" });
    const granted = await grantOrganizationAccess(seeded.db, agent, { accessRequestId: open });
    expect(granted.ok).toBe(true);
    expect(await scopes("paolo@globex.test")).toEqual(["mine", "ccd", "organization"]);
  });
});
