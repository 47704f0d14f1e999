import { describe, expect, it } from "vitest";
import { HOUR, MINUTE, SECOND } from "./clock";
import { afterFailure, DEFAULT_THROTTLE_POLICY, isLocked, throttleBlock, waitAfterFailures, type ThrottleState } from "./sign-in-throttle";

const account = DEFAULT_THROTTLE_POLICY.account;
const start = new Date("2026-11-30T09:00:00Z");
const later = (ms: number) => new Date(start.getTime() + ms);

function failTimes(times: number, at = start): ThrottleState {
  let state: ThrottleState | null = null;
  for (let i = 0; i < times; i++) state = afterFailure(state, at, account);
  return state!;
}

describe("docs/product.md §8 password guessing", () => {
  it("a few failures cost nothing", () => {
    const state = failTimes(account.freeFailures);
    expect(state.failures).toBe(account.freeFailures);
    expect(throttleBlock(state, start)).toBeNull();
  });

  it("after them, each failure doubles the wait before the next attempt", () => {
    const waits = [1, 2, 3, 4].map((extra) => waitAfterFailures(account.freeFailures + extra, account));
    expect(waits).toEqual([1 * SECOND, 2 * SECOND, 4 * SECOND, 8 * SECOND]);
    const state = failTimes(account.freeFailures + 1);
    expect(throttleBlock(state, start)).toEqual(later(SECOND));
    expect(throttleBlock(state, later(SECOND))).toBeNull();
  });

  it("enough failures lock the key for a while, then it may try again", () => {
    const state = failTimes(account.lockAfter);
    expect(isLocked(state, account)).toBe(true);
    expect(throttleBlock(state, later(account.lockMs - 1))).toEqual(later(account.lockMs));
    expect(throttleBlock(state, later(account.lockMs))).toBeNull();
  });

  it("a failure right after a lock locks again: the count is remembered for an hour", () => {
    const locked = failTimes(account.lockAfter);
    const again = afterFailure(locked, later(account.lockMs), account);
    expect(again.failures).toBe(account.lockAfter + 1);
    expect(throttleBlock(again, later(account.lockMs + MINUTE))).not.toBeNull();
  });

  it("failures are forgotten after a quiet hour", () => {
    const state = failTimes(account.lockAfter - 1);
    expect(afterFailure(state, later(HOUR), account).failures).toBe(1);
  });

  it("no wait is ever longer than the lock", () => {
    for (let failures = 0; failures < 100; failures++) {
      expect(waitAfterFailures(failures, account)).toBeLessThanOrEqual(account.lockMs);
      expect(waitAfterFailures(failures + 1, account)).toBeGreaterThanOrEqual(waitAfterFailures(failures, account));
    }
  });
});
