import "server-only";
import type { Database } from "@/server/db/client";
import type { Viewer } from "@/server/access/viewer";
import { changeRequest } from "@/server/requests/change-request";
import { sendReminderSchema, type SendReminderInput } from "@/schemas/agent-request";
import { invalidInput, toActionResult, type AgentActionResult } from "./agent-action";

/** A reminder to a requester who owes an answer: a public reply marked as reminder, on Pending requests only. */
export async function sendReminder(db: Database, viewer: Pick<Viewer, "actor" | "now">, input: SendReminderInput): Promise<AgentActionResult> {
  const parsed = sendReminderSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { actor, now } = viewer;
  const result = await changeRequest(db, {
    requestId: parsed.data.requestId,
    viewer,
    permissions: ["work_request", "reply"],
    makeCommand: () => ({ type: "send_reminder", at: now, agentId: actor.userId }),
    comment: { body: parsed.data.body, visibility: "public", isReminder: true },
  });
  return toActionResult(result);
}
