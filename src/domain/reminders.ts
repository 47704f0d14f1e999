import { DAY } from "./clock";
import type { RequestState } from "./request-state";
import type { PriorityCode } from "./vocabulary";

// The no-response policy (docs/product.md §4.4): a Pending request whose requester stays silent gets
// reminders, and after the last one and a further wait it is solved as "no response". The period and
// the number of reminders depend on the priority. A customer reply resets it (see transitions).

export interface ReminderRule {
  /** Wait after support's last reply before the first reminder. */
  firstReminderAfterMs: number;
  /** Wait between reminders. */
  reminderIntervalMs: number;
  /** Reminders to send before solving; at least one (docs/product.md §4.4: "at least one reminder"). */
  reminders: number;
  /** Wait after the last reminder before solving as no response. */
  solveAfterLastReminderMs: number;
}

export type ReminderPolicy = Record<PriorityCode, ReminderRule>;

/** Defaults, documented in docs/domain.md. Urgent problems are chased sooner and more often. */
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  S1: { firstReminderAfterMs: 1 * DAY, reminderIntervalMs: 1 * DAY, reminders: 3, solveAfterLastReminderMs: 2 * DAY },
  S2: { firstReminderAfterMs: 2 * DAY, reminderIntervalMs: 2 * DAY, reminders: 2, solveAfterLastReminderMs: 3 * DAY },
  S3: { firstReminderAfterMs: 3 * DAY, reminderIntervalMs: 3 * DAY, reminders: 2, solveAfterLastReminderMs: 4 * DAY },
  S4: { firstReminderAfterMs: 5 * DAY, reminderIntervalMs: 5 * DAY, reminders: 1, solveAfterLastReminderMs: 7 * DAY },
};

export type ReminderStep =
  | { action: "none" }
  | { action: "wait" | "send_reminder" | "solve_no_response"; dueAt: Date; next: "send_reminder" | "solve_no_response" };

/** What the automation should do for this request now, and when the next step falls due. */
export function nextReminderStep(state: RequestState, now: Date, policy: ReminderPolicy): ReminderStep {
  if (state.status !== "pending") return { action: "none" };
  const rule = policy[state.priority];
  const reminders = Math.max(1, rule.reminders);
  const lastContact = state.lastReminderAt ?? state.lastAgentReplyAt ?? state.lastActivityAt;
  const next = state.reminderCount < reminders ? "send_reminder" : "solve_no_response";
  const wait =
    next === "solve_no_response"
      ? rule.solveAfterLastReminderMs
      : state.reminderCount === 0
        ? rule.firstReminderAfterMs
        : rule.reminderIntervalMs;
  const dueAt = new Date(lastContact.getTime() + wait);
  return { action: now >= dueAt ? next : "wait", dueAt, next };
}

export function isNoResponseDue(state: RequestState, now: Date, policy: ReminderPolicy): boolean {
  return state.reminderCount >= 1 && nextReminderStep(state, now, policy).action === "solve_no_response";
}
