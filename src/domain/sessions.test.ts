import { describe, expect, it } from "vitest";
import { DAY, HOUR, MINUTE } from "./clock";
import { DEFAULT_SESSION_POLICY, isSessionLive, sessionExpiresAt } from "./sessions";

const policy = DEFAULT_SESSION_POLICY;
const start = new Date("2026-11-30T09:00:00Z");
const later = (ms: number) => new Date(start.getTime() + ms);

describe("docs/product.md §8 sessions", () => {
  it("a session in use stays live", () => {
    const session = { createdAt: start, lastSeenAt: later(3 * DAY), endedAt: null };
    expect(isSessionLive(session, later(3 * DAY + policy.idleMs - MINUTE), policy)).toBe(true);
  });

  it("an unused session ends after the idle timeout", () => {
    const session = { createdAt: start, lastSeenAt: start, endedAt: null };
    expect(isSessionLive(session, later(policy.idleMs - 1), policy)).toBe(true);
    expect(isSessionLive(session, later(policy.idleMs), policy)).toBe(false);
    expect(sessionExpiresAt(session, policy)).toEqual(later(policy.idleMs));
  });

  it("no session outlives its maximum age, however much it is used", () => {
    const session = { createdAt: start, lastSeenAt: later(policy.maxAgeMs - HOUR), endedAt: null };
    expect(isSessionLive(session, later(policy.maxAgeMs), policy)).toBe(false);
    expect(sessionExpiresAt(session, policy)).toEqual(later(policy.maxAgeMs));
  });

  it("an ended session is over at once", () => {
    expect(isSessionLive({ createdAt: start, lastSeenAt: start, endedAt: start }, later(MINUTE), policy)).toBe(false);
  });
});
