import "server-only";
import { assignRequestSchema } from "@/schemas/agent-request";
import { invalid } from "@/server/outcome";
import { defineRequestChange } from "./change-request";

/** Assigns a request to an agent (the viewer — "me" — or another), or to nobody; recorded in the event log. */
export const assignRequest = defineRequestChange(assignRequestSchema, async ({ actor, now }, { requestId, assigneeId: chosen }, db) => {
  const assigneeId = chosen === "me" ? actor.userId : chosen;
  // Only the console's agents may be asked; anything else is not a choice the form offered.
  if (assigneeId !== null && !(await db.user.findFirst({ where: { id: assigneeId, isAgent: true }, select: { id: true } }))) {
    return invalid({ assigneeId: "invalid" });
  }
  return {
    may: ["work_request"],
    extraData: { assigneeId },
    extraWrites: async (tx) => {
      await tx.requestEvent.create({ data: { requestId, actorId: actor.userId, type: "assigned", data: { assigneeId }, createdAt: now } });
    },
  };
});
