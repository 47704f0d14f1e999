import { DAY, HOUR } from "./clock";

// Sessions (docs/product.md §8): a signed-in browser stays signed in while it is used, for a while
// after its last use, and never longer than a maximum age; signing out, a password change or a
// disabled account ends it on the server, whatever copy of the cookie is kept.

export interface SessionPolicy {
  /** A session unused this long has ended. */
  idleMs: number;
  /** A session this old has ended, however much it is used. */
  maxAgeMs: number;
}

/** Defaults, documented in docs/SECURITY.md; SESSION_IDLE_TIMEOUT_MINUTES and SESSION_MAX_AGE_DAYS change them. */
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 8 * HOUR, maxAgeMs: 14 * DAY };

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
}

export function isSessionLive(session: SessionTimes, now: Date, policy: SessionPolicy): boolean {
  if (session.endedAt) return false;
  return now.getTime() - session.lastSeenAt.getTime() < policy.idleMs && now.getTime() - session.createdAt.getTime() < policy.maxAgeMs;
}

/** When an unused session ends by itself. */
export function sessionExpiresAt(session: SessionTimes, policy: SessionPolicy): Date {
  return new Date(Math.min(session.lastSeenAt.getTime() + policy.idleMs, session.createdAt.getTime() + policy.maxAgeMs));
}
