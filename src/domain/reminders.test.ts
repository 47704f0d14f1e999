import { describe, expect, it } from "vitest";
import { DAY } from "./clock";
import { DEFAULT_REMINDER_POLICY, isNoResponseDue, nextReminderStep } from "./reminders";
import { apply, at, customerReply, freshRequest, pendingRequest } from "./testing/builders";
import type { RequestCommand } from "./transitions";
import { PRIORITY_CODES } from "./vocabulary";

const policy = DEFAULT_REMINDER_POLICY;
const remind = (hours: number): RequestCommand => ({ type: "send_reminder", at: at(hours), agentId: null });

describe("docs/product.md §4.4 reminder policy", () => {
  it("every priority sends at least one reminder before solving for no response", () => {
    for (const code of PRIORITY_CODES) expect(policy[code].reminders).toBeGreaterThanOrEqual(1);
  });

  it("waits after the last agent reply, then reminds", () => {
    const state = pendingRequest(); // agent replied at hour 1, S3: first reminder after 3 days
    expect(nextReminderStep(state, at(2), policy)).toEqual({ action: "wait", dueAt: at(73), next: "send_reminder" });
    expect(nextReminderStep(state, at(73), policy).action).toBe("send_reminder");
  });

  it("after the configured number of reminders, waits again, then solves for no response", () => {
    const reminded = apply(pendingRequest(), remind(73), remind(145));
    expect(nextReminderStep(reminded, at(146), policy)).toEqual({ action: "wait", dueAt: at(145 + 96), next: "solve_no_response" });
    expect(isNoResponseDue(reminded, at(145 + 96), policy)).toBe(true);
  });

  it("depends on the priority: an urgent request is chased sooner", () => {
    const urgent = apply(freshRequest({ priority: "S1" }), { type: "agent_reply", at: at(1), agentId: "user-agent" });
    expect(nextReminderStep(urgent, at(2), policy)).toMatchObject({ dueAt: new Date(at(1).getTime() + DAY) });
  });

  it("a customer reply resets it: nothing to do on an Open request", () => {
    const replied = apply(pendingRequest(), remind(73), customerReply(80));
    expect(nextReminderStep(replied, at(10_000), policy)).toEqual({ action: "none" });
  });

  it("is never due without a reminder, whatever the configuration says", () => {
    const zeroReminders = { ...policy, S3: { ...policy.S3, reminders: 0 } };
    expect(isNoResponseDue(pendingRequest(), at(10_000), zeroReminders)).toBe(false);
    expect(nextReminderStep(pendingRequest(), at(10_000), zeroReminders).action).toBe("send_reminder");
  });
});
