import { DAY, HOUR } from "./clock";
import type { RequestState } from "./request-state";
import type { PriorityCode } from "./vocabulary";

// Service-level targets (PRODUCT.md §3): per priority, how soon support answers a new request, how
// soon it answers the requester's latest message, and how often it updates a request on hold.
// Targets run on calendar time. The customer sees the current target and when the next update is due.

export interface ServiceLevelTargets {
  firstResponseMs: number;
  nextResponseMs: number;
  onHoldUpdateMs: number;
}

export type ServiceLevelPolicy = Record<PriorityCode, ServiceLevelTargets>;

/** Defaults, documented in docs/domain.md. */
export const DEFAULT_SERVICE_LEVEL_POLICY: ServiceLevelPolicy = {
  S1: { firstResponseMs: 1 * HOUR, nextResponseMs: 4 * HOUR, onHoldUpdateMs: 1 * DAY },
  S2: { firstResponseMs: 4 * HOUR, nextResponseMs: 12 * HOUR, onHoldUpdateMs: 2 * DAY },
  S3: { firstResponseMs: 1 * DAY, nextResponseMs: 2 * DAY, onHoldUpdateMs: 5 * DAY },
  S4: { firstResponseMs: 2 * DAY, nextResponseMs: 4 * DAY, onHoldUpdateMs: 10 * DAY },
};

export type ServiceLevelKind = "first_response" | "next_response" | "on_hold_update";

export interface ServiceLevelStatus {
  kind: ServiceLevelKind;
  targetMs: number;
  dueAt: Date;
  breached: boolean;
}

/**
 * What support owes the requester now, by when, and whether it is late; null when support owes
 * nothing (Pending waits for the requester; Solved is done). Computed from the current priority, so a
 * reclassification moves the due time.
 */
export function serviceLevel(state: RequestState, now: Date, policy: ServiceLevelPolicy): ServiceLevelStatus | null {
  const targets = policy[state.priority];
  let kind: ServiceLevelKind;
  let since: Date;
  if (state.status === "pending" || state.status === "solved") return null;
  if (state.status === "on_hold") {
    kind = "on_hold_update";
    since = state.lastActivityAt;
  } else if (state.firstAgentReplyAt === null) {
    kind = "first_response";
    since = state.createdAt;
  } else {
    kind = "next_response";
    since = latest(state.lastCustomerMessageAt, state.lastAgentReplyAt);
  }
  const targetMs = kind === "first_response" ? targets.firstResponseMs : kind === "next_response" ? targets.nextResponseMs : targets.onHoldUpdateMs;
  const dueAt = new Date(since.getTime() + targetMs);
  return { kind, targetMs, dueAt, breached: now > dueAt };
}

function latest(a: Date, b: Date | null): Date {
  return b !== null && b > a ? b : a;
}
