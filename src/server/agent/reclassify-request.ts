import "server-only";
import type { Database } from "@/server/db/client";
import type { Viewer } from "@/server/access/viewer";
import { changeRequest } from "@/server/requests/change-request";
import { reclassifyRequestSchema, type ReclassifyRequestInput } from "@/schemas/agent-request";
import { invalidInput, toActionResult, type AgentActionResult } from "./agent-action";

/** Changes a request's priority with a reason the customer sees in the priority history. */
export async function reclassifyRequest(db: Database, viewer: Pick<Viewer, "actor" | "now">, input: ReclassifyRequestInput): Promise<AgentActionResult> {
  const parsed = reclassifyRequestSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { actor, now } = viewer;
  const { priority, reason } = parsed.data;
  const result = await changeRequest(db, {
    requestId: parsed.data.requestId,
    viewer,
    permissions: ["work_request"],
    makeCommand: () => ({ type: "reclassify", at: now, agentId: actor.userId, priority, reason }),
  });
  return toActionResult(result);
}
