import "server-only";
import type { Database } from "@/server/db/client";
import type { Viewer } from "@/server/access/viewer";
import { changeRequest } from "@/server/requests/change-request";
import { assignRequestSchema, type AssignRequestInput } from "@/schemas/agent-request";
import { invalidInput, toActionResult, type AgentActionResult } from "./agent-action";

/** Assigns a request to an agent (the viewer or another), or to nobody; recorded in the event log. */
export async function assignRequest(db: Database, viewer: Pick<Viewer, "actor" | "now">, input: AssignRequestInput): Promise<AgentActionResult> {
  const parsed = assignRequestSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { actor, now } = viewer;
  const { requestId, assigneeId } = parsed.data;
  // Only the console's agents may be asked; anything else is not a choice the form offered.
  if (assigneeId !== null) {
    const assignee = await db.user.findFirst({ where: { id: assigneeId, isAgent: true }, select: { id: true } });
    if (!assignee) return { ok: false, reason: "invalid", fieldErrors: { assigneeId: ["invalid"] } };
  }
  const result = await changeRequest(db, {
    requestId,
    viewer,
    permissions: ["work_request"],
    extraData: { assigneeId },
    extraWrites: async (tx) => {
      await tx.requestEvent.create({ data: { requestId, actorId: actor.userId, type: "assigned", data: { assigneeId }, createdAt: now } });
    },
  });
  return toActionResult(result);
}
