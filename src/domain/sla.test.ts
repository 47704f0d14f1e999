import { describe, expect, it } from "vitest";
import { HOUR } from "./clock";
import fc from "fast-check";
import { DEFAULT_SERVICE_LEVEL_POLICY, DUE_SOON_MS, dueRanges, isBreached, serviceLevel, SLA_STATES, slaState, type DueRange } from "./sla";
import { agentReply, apply, at, customerReply, holdFor, freshRequest, pendingRequest, solvedRequest } from "./testing/builders";
import { decide } from "./transitions";

const policy = DEFAULT_SERVICE_LEVEL_POLICY;

describe("docs/product.md §3 service-level targets", () => {
  it("a new request is owed a first response within its priority's target", () => {
    expect(serviceLevel(freshRequest({ priority: "S1" }), at(0.5), policy)).toEqual({ kind: "first_response", targetMs: 1 * HOUR, dueAt: at(1), breached: false });
    expect(serviceLevel(freshRequest({ priority: "S1" }), at(1.5), policy)?.breached).toBe(true);
    expect(serviceLevel(freshRequest({ priority: "S4" }), at(0), policy)?.dueAt).toEqual(at(48));
  });

  it("after the requester writes again, the next response is due from their message", () => {
    const state = apply(freshRequest({ priority: "S2" }), agentReply(1), customerReply(5));
    expect(serviceLevel(state, at(6), policy)).toMatchObject({ kind: "next_response", dueAt: at(5 + 12) });
  });

  it("nothing is owed while Pending (the requester has the next step) or once Solved", () => {
    expect(serviceLevel(pendingRequest(), at(500), policy)).toBeNull();
    expect(serviceLevel(solvedRequest(), at(500), policy)).toBeNull();
  });

  it("a request On-hold is owed regular updates", () => {
    const state = apply(freshRequest({ priority: "S3" }), holdFor(2));
    expect(serviceLevel(state, at(3), policy)).toMatchObject({ kind: "on_hold_update", dueAt: at(2 + 5 * 24) });
  });

  it("reclassifying the priority recomputes the target", () => {
    const before = serviceLevel(freshRequest({ priority: "S4" }), at(1), policy);
    const decision = decide(freshRequest({ priority: "S4" }), { type: "reclassify", at: at(1), agentId: "user-agent", priority: "S1", reason: "Production down" });
    if (!decision.ok) throw new Error(decision.refusal.message);
    const after = serviceLevel(decision.state, at(1.5), policy);
    expect(before?.dueAt).toEqual(at(48));
    expect(after).toMatchObject({ kind: "first_response", dueAt: at(1), breached: true });
  });

  it("takes its targets from configuration", () => {
    const custom = { ...policy, S3: { firstResponseMs: 2 * HOUR, nextResponseMs: 3 * HOUR, onHoldUpdateMs: 4 * HOUR } };
    expect(serviceLevel(freshRequest(), at(0), custom)?.dueAt).toEqual(at(2));
  });
});

describe("the agent queue's service-level states", () => {
  const now = at(100);
  const cases: Array<[string, Date | null, string]> = [
    ["overdue", at(99), "breached"],
    ["due this very instant: its time is up", now, "breached"],
    ["due within the hour", at(100.5), "due_soon"],
    ["due within four hours", at(103.5), "due_soon"],
    ["due in exactly four hours", new Date(now.getTime() + DUE_SOON_MS), "due_soon"],
    ["due later", at(104.5), "fine"],
    ["nothing owed", null, "fine"],
  ];
  it.each(cases)("slaState: %s → %s", (_, dueAt, state) => {
    expect(slaState(dueAt, now)).toBe(state);
  });

  it("due soon means within four hours", () => {
    expect(DUE_SOON_MS).toBe(4 * HOUR);
  });

  it("isBreached: a breach is recorded once the due time has passed, an instant after the queue calls it breached", () => {
    expect(isBreached(now, now)).toBe(false);
    expect(isBreached(now, new Date(now.getTime() + 1))).toBe(true);
  });

  it("dueRanges: the queue's index ranges hold exactly the requests of each state", () => {
    const inRange = (range: DueRange, dueAt: Date | null) =>
      range.owed
        ? dueAt !== null && (range.after === undefined || dueAt > range.after) && (range.until === undefined || dueAt <= range.until)
        : dueAt === null;
    fc.assert(
      fc.property(fc.option(fc.integer({ min: -6 * HOUR, max: 6 * HOUR })), (offset) => {
        const dueAt = offset === null ? null : new Date(now.getTime() + offset);
        for (const state of SLA_STATES) expect(dueRanges(state, now).some((range) => inRange(range, dueAt))).toBe(slaState(dueAt, now) === state);
      }),
      { numRuns: 2000 },
    );
  });
});
