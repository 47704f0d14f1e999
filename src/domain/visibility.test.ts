import { describe, expect, it } from "vitest";
import { can, canBeCcd, matchesFilter, REQUEST_PERMISSIONS, visibleRequestsFilter, type Actor, type RequestAccess, type RequestAction } from "./visibility";

const NOW = new Date("2026-06-01T00:00:00Z");
const acmeRequest: RequestAccess = { organizationId: "acme", requesterId: "alice", ccUserIds: ["bob"] };

const actors = {
  agent: { userId: "agent", isAgent: true, memberships: [], grants: [] },
  alice: { userId: "alice", isAgent: false, memberships: [{ organizationId: "acme", isTechnicalContact: false, isAdmin: false }], grants: [] },
  bob: { userId: "bob", isAgent: false, memberships: [{ organizationId: "acme", isTechnicalContact: false, isAdmin: false }], grants: [] },
  carol: {
    userId: "carol",
    isAgent: false,
    memberships: [{ organizationId: "acme", isTechnicalContact: true, isAdmin: false }],
    grants: [{ organizationId: "acme", revokedAt: null, expiresAt: null }],
  },
  dave: { userId: "dave", isAgent: false, memberships: [{ organizationId: "acme", isTechnicalContact: false, isAdmin: true }], grants: [] },
  erin: { userId: "erin", isAgent: false, memberships: [{ organizationId: "acme", isTechnicalContact: true, isAdmin: false }], grants: [] },
  gina: { userId: "gina", isAgent: false, memberships: [{ organizationId: "globex", isTechnicalContact: false, isAdmin: false }], grants: [] },
  revoked: {
    userId: "rita",
    isAgent: false,
    memberships: [{ organizationId: "acme", isTechnicalContact: true, isAdmin: false }],
    grants: [{ organizationId: "acme", revokedAt: new Date("2026-05-01T00:00:00Z"), expiresAt: null }],
  },
  expired: {
    userId: "ed",
    isAgent: false,
    memberships: [{ organizationId: "acme", isTechnicalContact: true, isAdmin: false }],
    grants: [{ organizationId: "acme", revokedAt: null, expiresAt: new Date("2026-05-31T00:00:00Z") }],
  },
  formerMember: { userId: "fred", isAgent: false, memberships: [], grants: [{ organizationId: "acme", revokedAt: null, expiresAt: null }] },
} satisfies Record<string, Actor>;

// The table from PRODUCT.md §1 and §6, written out case by case.
const expected: Record<keyof typeof actors, Partial<Record<RequestAction, boolean>>> = {
  agent: { view_request: true, view_internal_notes: true, reply: true, add_internal_note: true, manage_ccs: true, work_request: true, start_chat: false },
  alice: { view_request: true, view_internal_notes: false, reply: true, manage_ccs: true, start_chat: true, work_request: false },
  bob: { view_request: true, view_internal_notes: false, reply: true, manage_ccs: false, start_chat: true, work_request: false },
  carol: { view_request: true, view_internal_notes: false, reply: false, manage_ccs: false, work_request: false },
  dave: { view_request: false, reply: false },
  erin: { view_request: false, reply: false },
  gina: { view_request: false, reply: false, view_internal_notes: false },
  revoked: { view_request: false },
  expired: { view_request: false },
  formerMember: { view_request: false },
};

describe("PRODUCT §1/§6 who sees and does what", () => {
  for (const [name, actions] of Object.entries(expected)) {
    for (const [action, allowed] of Object.entries(actions)) {
      it(`${name} ${allowed ? "may" : "may not"} ${action} on alice's Acme request (bob CC'd)`, () => {
        expect(can(actors[name as keyof typeof actors], action as RequestAction, acmeRequest, NOW)).toBe(allowed);
      });
    }
  }

  it("internal notes are for agents only", () => {
    expect(REQUEST_PERMISSIONS.view_internal_notes).toEqual(["agent"]);
  });

  it("the list filter says the same as the rule, for every actor", () => {
    for (const actor of Object.values(actors)) {
      expect(matchesFilter(visibleRequestsFilter(actor, NOW), acmeRequest)).toBe(can(actor, "view_request", acmeRequest, NOW));
    }
    expect(visibleRequestsFilter(actors.carol, NOW)).toEqual({ kind: "some", requesterId: "carol", ccUserId: "carol", organizationIds: ["acme"] });
    expect(visibleRequestsFilter(actors.agent, NOW)).toEqual({ kind: "all" });
  });

  it("a revoked or expired grant gives nothing", () => {
    expect(visibleRequestsFilter(actors.revoked, NOW)).toMatchObject({ organizationIds: [] });
    expect(visibleRequestsFilter(actors.expired, NOW)).toMatchObject({ organizationIds: [] });
  });

  it("CCs come from the request's organization, and never the requester", () => {
    expect(canBeCcd({ userId: "bob", memberships: actors.bob.memberships }, acmeRequest)).toBe(true);
    expect(canBeCcd({ userId: "gina", memberships: actors.gina.memberships }, acmeRequest)).toBe(false);
    expect(canBeCcd({ userId: "alice", memberships: actors.alice.memberships }, acmeRequest)).toBe(false);
  });
});
