import "server-only";
import type { Database } from "@/server/db/client";
import type { Viewer } from "@/server/access/viewer";
import { changeRequest } from "@/server/requests/change-request";
import { solveRequestSchema, toResolution, type SolveRequestInput } from "@/schemas/agent-request";
import { invalidInput, toActionResult, type AgentActionResult } from "./agent-action";

/** Solves a request as agreed, or as a bug reported with its reference, agreed priority and estimated date. */
export async function solveRequest(db: Database, viewer: Pick<Viewer, "actor" | "now">, input: SolveRequestInput): Promise<AgentActionResult> {
  const parsed = solveRequestSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { actor, now } = viewer;
  const resolution = toResolution(parsed.data);
  const result = await changeRequest(db, {
    requestId: parsed.data.requestId,
    viewer,
    permissions: ["work_request"],
    makeCommand: () => ({ type: "solve", at: now, agentId: actor.userId, resolution }),
  });
  return toActionResult(result);
}
