import "server-only";
import { sendReminderSchema } from "@/schemas/agent-request";
import { submissionOf } from "@/server/submissions";
import { defineRequestChange } from "./change-request";

/**
 * A reminder to a requester who owes an answer: a public reply marked as reminder, on Pending
 * requests only. The form's second submission (same key) sends no second reminder.
 */
export const sendReminder = defineRequestChange(sendReminderSchema, ({ actor, now }, input) => ({
  may: ["work_request"],
  makeCommand: () => ({ type: "send_reminder", at: now, agentId: actor.userId }),
  comment: { body: input.body, visibility: "public", isReminder: true },
  submission: submissionOf("reminder", input),
}));
