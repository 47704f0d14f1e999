import "server-only";
import type { Database } from "@/server/db/client";
import type { Viewer } from "@/server/access/viewer";
import { changeRequest } from "@/server/requests/change-request";
import { holdRequestSchema, toHoldReason, type HoldRequestInput } from "@/schemas/agent-request";
import { invalidInput, toActionResult, type AgentActionResult } from "./agent-action";

/** Puts a request On-hold with a reason: reproducing a bug, with engineering, waiting for the account team, or the agent's own words. */
export async function holdRequest(db: Database, viewer: Pick<Viewer, "actor" | "now">, input: HoldRequestInput): Promise<AgentActionResult> {
  const parsed = holdRequestSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { actor, now } = viewer;
  const reason = toHoldReason(parsed.data);
  const result = await changeRequest(db, {
    requestId: parsed.data.requestId,
    viewer,
    permissions: ["work_request"],
    makeCommand: () => ({ type: "hold", at: now, agentId: actor.userId, reason }),
  });
  return toActionResult(result);
}
