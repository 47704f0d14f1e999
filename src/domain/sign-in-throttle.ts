import { HOUR, MINUTE, SECOND } from "./clock";

// Password guessing (docs/product.md §8): every failed password check counts against the account it
// named and the address it came from. A few failures are free; after that each failure makes the
// next attempt wait twice as long, and enough of them lock the key for a while. Failures are
// forgotten after a quiet period. The same rule holds whether or not the account exists, so the
// answer never tells a guesser which emails have accounts.

export type ThrottleScope = "account" | "address";

export interface ThrottleLimits {
  /** Failures that cost nothing. */
  freeFailures: number;
  /** Failures after which the key is locked for `lockMs`. */
  lockAfter: number;
  lockMs: number;
  /** Failures older than this (counted from the latest one) are forgotten. */
  forgetAfterMs: number;
}

export type ThrottlePolicy = Record<ThrottleScope, ThrottleLimits>;

/** Defaults, documented in docs/SECURITY.md. An address is shared by many people (an office), so it gets more room. */
export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  account: { freeFailures: 4, lockAfter: 10, lockMs: 15 * MINUTE, forgetAfterMs: 1 * HOUR },
  address: { freeFailures: 20, lockAfter: 100, lockMs: 15 * MINUTE, forgetAfterMs: 1 * HOUR },
};

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  blockedUntil: Date | null;
}

/** Whether a password may be checked now; when not, the moment it may. */
export function throttleBlock(state: ThrottleState | null, now: Date): Date | null {
  if (!state?.blockedUntil) return null;
  return state.blockedUntil > now ? state.blockedUntil : null;
}

/** How long a key waits after its `failures`-th failure: nothing, then 1 s, 2 s, 4 s, … up to the lock. */
export function waitAfterFailures(failures: number, limits: ThrottleLimits): number {
  if (failures >= limits.lockAfter) return limits.lockMs;
  if (failures <= limits.freeFailures) return 0;
  return Math.min(SECOND * 2 ** (failures - limits.freeFailures - 1), limits.lockMs);
}

/** The key's state once one more failure at `now` is counted. */
export function afterFailure(state: ThrottleState | null, now: Date, limits: ThrottleLimits): ThrottleState {
  const remembered = state && now.getTime() - state.lastFailureAt.getTime() < limits.forgetAfterMs ? state.failures : 0;
  const failures = remembered + 1;
  const wait = waitAfterFailures(failures, limits);
  return { failures, lastFailureAt: now, blockedUntil: wait > 0 ? new Date(now.getTime() + wait) : null };
}

/** Whether the key is locked (as opposed to merely slowed down): agents see locks in the audit trail. */
export function isLocked(state: ThrottleState, limits: ThrottleLimits): boolean {
  return state.failures >= limits.lockAfter;
}
