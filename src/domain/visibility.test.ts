import { describe, expect, it } from "vitest";
import {
  AUTOMATION_ACTOR,
  can,
  canBeCcd,
  checkNewRequest,
  filterCoversOrganizations,
  matchesFilter,
  matchesFilterFollowingMergeLinks,
  replyRoute,
  REQUEST_PERMISSIONS,
  visibleRequestsFilter,
  type Actor,
  type RequestAccess,
  type RequestAction,
  type VisibleRequestsFilter,
} from "./visibility";

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

// The table from docs/product.md §1 and §6, written out case by case. `reply` is a reply in the
// thread from the requester's side; agents answer by working the request (see replyRoute below).
const expected: Record<keyof typeof actors, Partial<Record<RequestAction, boolean>>> = {
  agent: { view_request: true, view_internal_notes: true, reply: false, add_internal_note: true, manage_ccs: true, work_request: true, start_chat: false },
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

describe("docs/product.md §1/§6 who sees and does what", () => {
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

describe("docs/product.md §4.3 merged requests: everyone who could see a merged request can follow the link", () => {
  // dave's Acme request merged into alice's (bob CC'd); erin is CC'd on dave's.
  const daves = { organizationId: "acme", requesterId: "dave", ccUserIds: ["erin"] };
  const target: RequestAccess = { ...acmeRequest, mergedFrom: [daves] };
  const source: RequestAccess = { ...daves, mergedInto: acmeRequest };
  const cases: Array<[keyof typeof actors, RequestAccess, RequestAction, boolean, string]> = [
    ["dave", target, "view_request", true, "the merged request's requester reads the target"],
    ["dave", target, "reply", true, "and replies there: the conversation continues in the target"],
    ["erin", target, "view_request", true, "a CC of the merged request reads the target"],
    ["erin", target, "reply", true, "and replies there"],
    ["dave", target, "manage_ccs", false, "but does not manage the target's CCs"],
    ["alice", source, "view_request", true, "the target's requester reads what was merged into it"],
    ["bob", source, "view_request", true, "so does a CC of the target"],
    ["alice", source, "reply", false, "without replying to it (a reply would take it out of the merge)"],
    ["carol", source, "view_request", true, "an organization viewer reads both anyway"],
    ["gina", target, "view_request", false, "someone who sees neither sees neither"],
    ["gina", source, "view_request", false, "from either side"],
  ];
  for (const [name, request, action, allowed, why] of cases) {
    it(`${name} ${allowed ? "may" : "may not"} ${action}: ${why}`, () => {
      expect(can(actors[name], action, request, NOW)).toBe(allowed);
    });
  }

  it("one hop only: another request merged into the same target stays closed to dave", () => {
    // dave sees the target only through his own merged request, so the link does not carry further.
    const sibling: RequestAccess = { organizationId: "acme", requesterId: "alice", ccUserIds: [], mergedInto: acmeRequest };
    expect(can(actors.dave, "view_request", sibling, NOW)).toBe(false);
  });

  it("lists show what a person sees directly; a request opened by id follows the links", () => {
    const filter = visibleRequestsFilter(actors.dave, NOW);
    expect(matchesFilter(filter, target)).toBe(false);
    expect(matchesFilterFollowingMergeLinks(filter, target)).toBe(true);
    expect(matchesFilterFollowingMergeLinks(visibleRequestsFilter(actors.gina, NOW), target)).toBe(false);
  });
});

describe("replyRoute: customers reply in the thread, agents answer from the agent console", () => {
  const cases: Array<[keyof typeof actors, ReturnType<typeof replyRoute>]> = [
    ["alice", "thread"],
    ["bob", "thread"],
    ["agent", "agent_console"],
    ["carol", "none"],
    ["gina", "none"],
  ];
  it.each(cases)("%s → %s", (name, route) => {
    expect(replyRoute(actors[name], acmeRequest, NOW)).toBe(route);
  });

  it("the automation writes no reply of its own in the thread", () => {
    expect(replyRoute(AUTOMATION_ACTOR, acmeRequest, NOW)).toBe("none");
  });
});

describe("checkNewRequest: customers open requests, agents do not", () => {
  it("lets a member of a customer organization open one", () => {
    expect(checkNewRequest(actors.alice)).toEqual({ ok: true });
  });

  it("refuses agents and the automation: they work the requests customers open", () => {
    expect(checkNewRequest(actors.agent)).toMatchObject({ ok: false, refusal: { code: "agents_cannot_create" } });
    expect(checkNewRequest(AUTOMATION_ACTOR)).toMatchObject({ ok: false, refusal: { code: "agents_cannot_create" } });
  });

  it("refuses a person of no customer organization", () => {
    expect(checkNewRequest(actors.formerMember)).toMatchObject({ ok: false, refusal: { code: "no_organization" } });
  });
});

describe("AUTOMATION_ACTOR: the automation works every request and reads no internal note", () => {
  const globexRequest: RequestAccess = { organizationId: "globex", requesterId: "gina", ccUserIds: [] };
  it.each([acmeRequest, globexRequest])("on %o", (request) => {
    expect(can(AUTOMATION_ACTOR, "view_request", request, NOW)).toBe(true);
    expect(can(AUTOMATION_ACTOR, "work_request", request, NOW)).toBe(true);
    for (const action of ["view_internal_notes", "add_internal_note", "reply", "manage_ccs", "start_chat"] as const) {
      expect(can(AUTOMATION_ACTOR, action, request, NOW), action).toBe(false);
    }
  });

  it("its list filter takes every request, as `can` does", () => {
    expect(visibleRequestsFilter(AUTOMATION_ACTOR, NOW)).toEqual({ kind: "all" });
  });
});

describe("filterCoversOrganizations: a list limited to organizations read in full needs no other visibility test", () => {
  const some: VisibleRequestsFilter = { kind: "some", requesterId: "u1", ccUserId: "u1", organizationIds: ["acme", "globex"] };
  it("holds for organizations all read in full, and for a viewer who sees everything", () => {
    expect(filterCoversOrganizations(some, ["acme"])).toBe(true);
    expect(filterCoversOrganizations(some, ["acme", "globex"])).toBe(true);
    expect(filterCoversOrganizations({ kind: "all" }, ["initech"])).toBe(true);
  });
  it("does not hold when any organization is not read in full, or when none is named", () => {
    expect(filterCoversOrganizations(some, ["acme", "initech"])).toBe(false);
    expect(filterCoversOrganizations(some, [])).toBe(false);
    expect(filterCoversOrganizations({ kind: "some", requesterId: "u1", ccUserId: "u1", organizationIds: [] }, ["acme"])).toBe(false);
  });
});
