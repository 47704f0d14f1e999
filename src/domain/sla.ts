import { DAY, HOUR } from "./clock";
import type { RequestState } from "./request-state";
import type { PriorityCode } from "./vocabulary";

// Service-level targets (docs/product.md §3): per priority, how soon support answers a new request, how
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
  return { kind, targetMs, dueAt, breached: isBreached(dueAt, now) };
}

/** A target is missed once its due time has passed. */
export function isBreached(dueAt: Date, now: Date): boolean {
  return now.getTime() > dueAt.getTime();
}

/**
 * How close a request is to its target, as the agent queue shows and filters it. The queue puts a
 * request whose due time is this very instant among the breached — its time is up — one instant
 * before the automation records the breach (`isBreached`).
 */
export const SLA_STATES = ["breached", "due_soon", "fine"] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** "Due soon": the target falls due within this time — the queue's *Due soon* view and badge. */
export const DUE_SOON_MS = 4 * HOUR;

export function slaState(dueAt: Date | null, now: Date): SlaState {
  if (dueAt === null) return "fine";
  if (dueAt.getTime() <= now.getTime()) return "breached";
  return dueAt.getTime() <= now.getTime() + DUE_SOON_MS ? "due_soon" : "fine";
}

/**
 * The due times of each state as ranges, `after < dueAt <= until` (a bound left out is open), or
 * "nothing owed": what the queue reads from its index. The same lines as `slaState`.
 */
export type DueRange = { owed: true; after?: Date; until?: Date } | { owed: false };

export function dueRanges(state: SlaState, now: Date): DueRange[] {
  const soon = new Date(now.getTime() + DUE_SOON_MS);
  switch (state) {
    case "breached":
      return [{ owed: true, until: now }];
    case "due_soon":
      return [{ owed: true, after: now, until: soon }];
    case "fine":
      return [{ owed: true, after: soon }, { owed: false }];
  }
}

function latest(a: Date, b: Date | null): Date {
  return b !== null && b > a ? b : a;
}
