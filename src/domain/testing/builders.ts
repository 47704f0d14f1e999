// Test helpers for the domain: a request in a given status, reached through the real transitions.
import { HOUR } from "../clock";
import { newRequestState, type RequestState } from "../request-state";
import { decide, type RequestCommand } from "../transitions";
import type { PriorityCode } from "../vocabulary";

export const T0 = new Date("2026-03-02T09:00:00Z");
export const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

export function freshRequest(overrides: { id?: number; organizationId?: string; priority?: PriorityCode } = {}): RequestState {
  return newRequestState({
    id: overrides.id ?? 1001,
    organizationId: overrides.organizationId ?? "org-acme",
    requesterId: "user-alice",
    channel: "web",
    priority: overrides.priority ?? "S3",
    at: T0,
  });
}

/** Applies commands in order and fails loudly on a refusal: for building states in tests. */
export function apply(state: RequestState, ...commands: RequestCommand[]): RequestState {
  return commands.reduce((current, command) => {
    const decision = decide(current, command);
    if (!decision.ok) throw new Error(`${command.type} refused: ${decision.refusal.message}`);
    return decision.state;
  }, state);
}

export const agentReply = (hours: number, then?: Extract<RequestCommand, { type: "agent_reply" }>["then"]): RequestCommand => ({
  type: "agent_reply",
  at: at(hours),
  agentId: "user-agent",
  ...(then ? { then } : {}),
});
export const customerReply = (hours: number, authorId = "user-alice"): RequestCommand => ({ type: "customer_reply", at: at(hours), authorId, channel: "web" });
export const holdFor = (hours: number): RequestCommand => ({ type: "hold", at: at(hours), agentId: "user-agent", reason: { code: "with_engineering" } });
export const solveAgreed = (hours: number): RequestCommand => ({ type: "solve", at: at(hours), agentId: "user-agent", resolution: { reason: "agreed" } });

export const pendingRequest = () => apply(freshRequest(), agentReply(1));
export const onHoldRequest = () => apply(freshRequest(), holdFor(1));
export const solvedRequest = () => apply(freshRequest(), agentReply(1), solveAgreed(2));
