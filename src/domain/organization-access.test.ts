import { describe, expect, it } from "vitest";
import { checkAccessRequest, checkApprovalDecision, checkGrant, checkRevoke, isAccessRequestOpen, type AccessRequestView } from "./organization-access";
import type { Actor, Membership } from "./visibility";

const NOW = new Date("2026-06-01T00:00:00Z");
const member = (flags: Partial<Membership> = {}): Membership => ({ organizationId: "acme", isTechnicalContact: false, isAdmin: false, ...flags });
const person = (userId: string, membership?: Membership, isAgent = false): Actor => ({ userId, isAgent, memberships: membership ? [membership] : [], grants: [] });

const erin = person("erin", member({ isTechnicalContact: true }));
const dave = person("dave", member({ isAdmin: true }));
const alice = person("alice", member());
const agent = person("agent", undefined, true);
const code = (result: { ok: boolean; refusal?: { code: string } }) => (result.ok ? "ok" : result.refusal?.code);

describe("docs/product.md §6 requesting organization-level access", () => {
  it("a technical contact requests it for their organization, with no approval needed", () => {
    expect(checkAccessRequest(erin, "acme", null, NOW)).toEqual({ ok: true, approvalState: "not_required", approverId: null });
  });

  it("a person who is both admin and technical contact requests it as a technical contact", () => {
    const both = person("tina", member({ isTechnicalContact: true, isAdmin: true }));
    expect(checkAccessRequest(both, "acme", null, NOW)).toMatchObject({ ok: true, approvalState: "not_required" });
  });

  it("an admin must name one of the organization's technical contacts, who then has to approve", () => {
    expect(code(checkAccessRequest(dave, "acme", null, NOW))).toBe("approver_required");
    expect(checkAccessRequest(dave, "acme", { userId: "erin", membership: erin.memberships[0] }, NOW)).toEqual({ ok: true, approvalState: "pending", approverId: "erin" });
  });

  it.each([
    ["a customer who is neither", alice, "acme", "not_entitled"],
    ["someone outside the organization", person("gina", { ...member(), organizationId: "globex" }), "acme", "not_a_member"],
  ])("is refused to %s", (_, actor, organizationId, expected) => {
    expect(code(checkAccessRequest(actor, organizationId, null, NOW))).toBe(expected);
  });

  it("refuses an approver who is not a technical contact of that organization", () => {
    expect(code(checkAccessRequest(dave, "acme", { userId: "alice", membership: member() }, NOW))).toBe("approver_not_technical_contact");
    expect(code(checkAccessRequest(dave, "acme", { userId: "x", membership: { ...member({ isTechnicalContact: true }), organizationId: "globex" } }, NOW))).toBe(
      "approver_not_technical_contact",
    );
  });

  it("refuses asking again while an earlier request is open", () => {
    expect(code(checkAccessRequest(erin, "acme", null, NOW, true))).toBe("already_requested");
    expect(isAccessRequestOpen({ approvalState: "pending", granted: false })).toBe(true);
    expect(isAccessRequestOpen({ approvalState: "approved", granted: false })).toBe(true);
    expect(isAccessRequestOpen({ approvalState: "not_required", granted: true })).toBe(false);
    expect(isAccessRequestOpen({ approvalState: "declined", granted: false })).toBe(false);
  });

  it("refuses asking twice once granted", () => {
    const carol: Actor = { ...erin, userId: "carol", grants: [{ organizationId: "acme", revokedAt: null, expiresAt: null }] };
    expect(code(checkAccessRequest(carol, "acme", null, NOW))).toBe("already_granted");
  });
});

describe("docs/product.md §6 approving, granting and revoking", () => {
  const pending: AccessRequestView = { organizationId: "acme", requesterId: "dave", approverId: "erin", approvalState: "pending" };

  it("only the named technical contact approves, once", () => {
    expect(code(checkApprovalDecision(erin, pending))).toBe("ok");
    expect(code(checkApprovalDecision(person("carol", member({ isTechnicalContact: true })), pending))).toBe("not_the_approver");
    expect(code(checkApprovalDecision(erin, { ...pending, approvalState: "approved" }))).toBe("already_decided");
  });

  it("agents grant only an approved request or a technical contact's own", () => {
    expect(code(checkGrant(agent, pending, false))).toBe("not_approved");
    expect(code(checkGrant(agent, { ...pending, approvalState: "declined" }, false))).toBe("not_approved");
    expect(code(checkGrant(agent, { ...pending, approvalState: "approved" }, false))).toBe("ok");
    expect(code(checkGrant(agent, { ...pending, approverId: null, approvalState: "not_required" }, false))).toBe("ok");
    expect(code(checkGrant(erin, { ...pending, approvalState: "approved" }, false))).toBe("agents_only");
    expect(code(checkGrant(agent, { ...pending, approvalState: "approved" }, true))).toBe("already_granted");
  });

  it("agents revoke active grants", () => {
    const grant = { organizationId: "acme", revokedAt: null, expiresAt: null };
    expect(code(checkRevoke(agent, grant, NOW))).toBe("ok");
    expect(code(checkRevoke(erin, grant, NOW))).toBe("agents_only");
    expect(code(checkRevoke(agent, { ...grant, revokedAt: NOW }, NOW))).toBe("grant_not_active");
  });
});
