import { describe, expect, it } from "vitest";
import { HOUR } from "./clock";
import { DEFAULT_SERVICE_LEVEL_POLICY, serviceLevel } from "./sla";
import { agentReply, apply, at, customerReply, holdFor, freshRequest, pendingRequest, solvedRequest } from "./testing/builders";
import { decide } from "./transitions";

const policy = DEFAULT_SERVICE_LEVEL_POLICY;

describe("PRODUCT §3 service-level targets", () => {
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
