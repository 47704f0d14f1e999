import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOUR } from "./clock";
import { DEFAULT_REMINDER_POLICY } from "./reminders";
import { newRequestState, type RequestState } from "./request-state";
import { decide, type RequestCommand, type StatusAfterReply } from "./transitions";
import {
  can,
  matchesFilter,
  matchesFilterFollowingMergeLinks,
  searchableCommentVisibilities,
  visibleComments,
  visibleRequestsFilter,
  type Actor,
  type RequestAccess,
  type RequestParties,
} from "./visibility";
import { PRIORITY_CODES, type HoldReason } from "./vocabulary";

// Invariants of docs/product.md §1 and §3–6 over random sequences of events. Each runs 1,000 cases.
const RUNS = { numRuns: 1000 };
const T0 = new Date("2026-01-05T08:00:00Z").getTime();

// ---- One request, random commands --------------------------------------------------------------

const holdReason: fc.Arbitrary<HoldReason> = fc.oneof(
  fc.constantFrom<HoldReason>({ code: "reproducing_bug" }, { code: "with_engineering" }, { code: "waiting_for_account_team" }),
  fc.string({ maxLength: 20 }).map((text): HoldReason => ({ code: "other", text })),
);
const resolution = fc.oneof(
  fc.constant({ reason: "agreed" as const }),
  fc.record({
    reason: fc.constant("bug_reported" as const),
    bugReference: fc.constantFrom("ENG-1", "", " ENG-2 "),
    agreedPriority: fc.constantFrom("S1", "S2", "S9"),
    estimatedResolutionAt: fc.constantFrom(new Date(T0 + 1000 * HOUR), new Date(T0 - 1000 * HOUR)),
  }),
  fc.constantFrom({ reason: "merged" as const }, { reason: "no_response" as const }),
);
const statusAfterReply: fc.Arbitrary<StatusAfterReply | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom<StatusAfterReply>({ status: "pending" }, { status: "open" }),
  holdReason.map((reason): StatusAfterReply => ({ status: "on_hold", reason })),
  resolution.map((res): StatusAfterReply => ({ status: "solved", resolution: res })),
);

/** A command without its time; times are assigned in increasing order when applied. */
type Step = (at: Date) => RequestCommand;
const step: fc.Arbitrary<Step> = fc.oneof(
  statusAfterReply.map((then): Step => (at) => ({ type: "agent_reply", at, agentId: "agent", ...(then ? { then } : {}) })),
  holdReason.map((reason): Step => (at) => ({ type: "hold", at, agentId: "agent", reason })),
  resolution.map((res): Step => (at) => ({ type: "solve", at, agentId: "agent", resolution: res })),
  fc.constantFrom("web", "email").map((channel): Step => (at) => ({ type: "customer_reply", at, authorId: "alice", channel: channel as "web" | "email" })),
  fc.constant<Step>((at) => ({ type: "chat_started", at, customerId: "alice", chatSessionId: "chat" })),
  fc.record({ priority: fc.constantFrom(...PRIORITY_CODES, "S0"), reason: fc.constantFrom("", "impact changed") }).map(
    ({ priority, reason }): Step => (at) => ({ type: "reclassify", at, agentId: "agent", priority, reason }),
  ),
  fc.constant<Step>((at) => ({ type: "send_reminder", at, agentId: null })),
  fc.constant<Step>((at) => ({ type: "solve_no_response", at, policy: DEFAULT_REMINDER_POLICY })),
  fc.constant<Step>((at) => ({ type: "merge", at, agentId: "agent", target: { id: 2, organizationId: "acme", mergedIntoId: null }, mergedIntoThis: [] })),
);
const timedSteps = fc.array(fc.tuple(step, fc.integer({ min: 1, max: 24 * 8 })), { maxLength: 25 });

function run(steps: [Step, number][]): RequestState[] {
  let state = newRequestState({ id: 1, organizationId: "acme", requesterId: "alice", channel: "web", priority: "S3", at: new Date(T0) });
  let time = T0;
  const states = [state];
  for (const [make, hours] of steps) {
    time += hours * HOUR;
    const decision = decide(state, make(new Date(time)));
    if (decision.ok) state = decision.state;
    states.push(state);
  }
  return states;
}

describe("properties of the request workflow", () => {
  it("a customer reply never leaves a request Solved, and never undoes a merge (docs/product.md §4.3, §5)", () => {
    fc.assert(
      fc.property(timedSteps, fc.constantFrom("web", "email"), (steps, channel) => {
        const state = run(steps).at(-1)!;
        const decision = decide(state, { type: "customer_reply", at: new Date(state.lastActivityAt.getTime() + HOUR), authorId: "bob", channel: channel as "web" | "email" });
        if (state.solvedReason === "merged") {
          expect(decision.ok ? "accepted" : decision.refusal.code).toBe("merged_request_is_closed");
          return;
        }
        expect(decision.ok && decision.state.status).toBe("open");
        if (state.status === "solved") expect(decision.ok && decision.records.some((record) => record.type === "reopened")).toBe(true);
      }),
      RUNS,
    );
  });

  it("every state reachable from Open can reach Solved (docs/product.md §4)", () => {
    fc.assert(
      fc.property(timedSteps, (steps) => {
        for (const state of run(steps)) {
          if (state.status === "solved") continue;
          const decision = decide(state, { type: "solve", at: new Date(state.lastActivityAt.getTime() + HOUR), agentId: "agent", resolution: { reason: "agreed" } });
          expect(decision.ok && decision.state.status).toBe("solved");
        }
      }),
      RUNS,
    );
  });

  it("a Solved request always says how, with the data its reason needs (docs/product.md §4)", () => {
    fc.assert(
      fc.property(timedSteps, (steps) => {
        for (const state of run(steps)) {
          const solved = state.status === "solved";
          expect(state.solvedReason !== null).toBe(solved);
          expect(state.solvedAt !== null).toBe(solved);
          expect(state.bugReport !== null).toBe(state.solvedReason === "bug_reported");
          expect(state.mergedIntoId !== null).toBe(state.solvedReason === "merged");
          expect(state.holdReason !== null).toBe(state.status === "on_hold");
          if (state.solvedReason === "no_response") expect(state.reminderCount).toBeGreaterThanOrEqual(1);
        }
      }),
      RUNS,
    );
  });
});

// ---- Many requests, random merges ----------------------------------------------------------------

describe("properties of merging", () => {
  it("a merged request always has a live target, and no merge cycle exists (docs/product.md §4.3)", () => {
    const ids = [1, 2, 3, 4, 5, 6];
    const organizationOf = (id: number) => (id <= 4 ? "acme" : "globex");
    const action = fc.oneof(
      fc.record({ kind: fc.constant("merge" as const), source: fc.constantFrom(...ids), target: fc.constantFrom(...ids, 99) }),
      fc.record({ kind: fc.constant("reply" as const), source: fc.constantFrom(...ids) }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        const world = new Map<number, RequestState>(
          ids.map((id) => [id, newRequestState({ id, organizationId: organizationOf(id), requesterId: "alice", channel: "web", priority: "S3", at: new Date(T0) })]),
        );
        let time = T0;
        for (const act of actions) {
          time += HOUR;
          const source = world.get(act.source)!;
          let command: RequestCommand;
          if (act.kind === "reply") {
            command = { type: "customer_reply", at: new Date(time), authorId: "alice", channel: "web" };
          } else {
            const target = world.get(act.target);
            if (!target) continue; // a request that does not exist cannot be looked up, so never reaches the rule
            const mergedIntoThis = [...world.values()].filter((request) => request.mergedIntoId === source.id).map((request) => request.id);
            command = { type: "merge", at: new Date(time), agentId: "agent", target: { id: target.id, organizationId: target.organizationId, mergedIntoId: target.mergedIntoId }, mergedIntoThis };
          }
          const decision = decide(source, command);
          if (!decision.ok) continue;
          world.set(source.id, decision.state);
          for (const change of decision.related) world.set(change.requestId, { ...world.get(change.requestId)!, mergedIntoId: change.mergedIntoId });
        }
        for (const request of world.values()) {
          if (request.mergedIntoId === null) continue;
          const target = world.get(request.mergedIntoId);
          expect(target).toBeDefined();
          expect(target!.mergedIntoId).toBeNull(); // live: not itself merged, so no chain and no cycle
          expect(target!.id).not.toBe(request.id);
          expect(target!.organizationId).toBe(request.organizationId);
          expect(request).toMatchObject({ status: "solved", solvedReason: "merged" });
        }
      }),
      RUNS,
    );
  });
});

// ---- Visibility --------------------------------------------------------------------------------

const NOW = new Date(T0);
const orgs = ["acme", "globex", "initech"];
const users = ["u1", "u2", "u3", "u4"];
const membership = fc.record({ organizationId: fc.constantFrom(...orgs), isTechnicalContact: fc.boolean(), isAdmin: fc.boolean() });
const grant = fc.record({
  organizationId: fc.constantFrom(...orgs),
  revokedAt: fc.option(fc.constantFrom(new Date(T0 - HOUR), new Date(T0 + HOUR)), { nil: null }),
  expiresAt: fc.option(fc.constantFrom(new Date(T0 - HOUR), new Date(T0 + HOUR)), { nil: null }),
});
const actor: fc.Arbitrary<Actor> = fc.record({
  userId: fc.constantFrom(...users),
  isAgent: fc.boolean(),
  memberships: fc.uniqueArray(membership, { maxLength: 2, selector: (m) => m.organizationId }),
  grants: fc.array(grant, { maxLength: 3 }),
});
const partiesFields = () => ({
  organizationId: fc.constantFrom(...orgs),
  requesterId: fc.constantFrom(...users),
  ccUserIds: fc.uniqueArray(fc.constantFrom(...users), { maxLength: 3 }),
});
const parties: fc.Arbitrary<RequestParties> = fc.record(partiesFields());
// A merged request has a target and nothing merged into it (merges do not chain).
const request: fc.Arbitrary<RequestAccess> = fc.oneof(
  parties,
  fc.record({ ...partiesFields(), mergedInto: parties }),
  fc.record({ ...partiesFields(), mergedFrom: fc.array(parties, { maxLength: 3 }) }),
);

/** docs/product.md §1, as plainly as it can be said, without merge links. */
function tableSaysVisible(person: Actor, req: RequestParties): boolean {
  if (person.isAgent) return true;
  if (req.requesterId === person.userId || req.ccUserIds.includes(person.userId)) return true;
  const member = person.memberships.some((m) => m.organizationId === req.organizationId);
  const activeGrant = person.grants.some(
    (g) => g.organizationId === req.organizationId && g.revokedAt === null && (g.expiresAt === null || g.expiresAt > NOW),
  );
  return member && activeGrant;
}

/** docs/product.md §4: who could see a merged request may follow its links, one hop. */
function tableSaysVisibleFollowingLinks(person: Actor, req: RequestAccess): boolean {
  return [req, ...(req.mergedInto ? [req.mergedInto] : []), ...(req.mergedFrom ?? [])].some((other) => tableSaysVisible(person, other));
}

describe("properties of visibility", () => {
  it("visibility follows from the table of docs/product.md §1 and the merge links of §4 and nothing else — in `can` and in the filters", () => {
    fc.assert(
      fc.property(actor, request, (person, req) => {
        const expected = tableSaysVisibleFollowingLinks(person, req);
        expect(can(person, "view_request", req, NOW)).toBe(expected);
        expect(matchesFilterFollowingMergeLinks(visibleRequestsFilter(person, NOW), req)).toBe(expected);
        expect(matchesFilter(visibleRequestsFilter(person, NOW), req)).toBe(tableSaysVisible(person, req));
      }),
      RUNS,
    );
  });

  it("no sequence of events makes an internal note visible to a customer (docs/product.md §1)", () => {
    const comments = fc.array(fc.record({ id: fc.nat(), visibility: fc.constantFrom("public" as const, "internal" as const) }), { maxLength: 12 });
    fc.assert(
      fc.property(actor, request, comments, timedSteps, (person, req, thread, steps) => {
        run(steps); // whatever happened to the request, the thread's visibility rule stays
        const customer = { ...person, isAgent: false };
        expect(visibleComments(customer, req, thread, NOW).every((comment) => comment.visibility === "public")).toBe(true);
        expect(can(customer, "view_internal_notes", req, NOW)).toBe(false);
        expect(searchableCommentVisibilities(customer)).toEqual(["public"]);
      }),
      RUNS,
    );
  });
});
