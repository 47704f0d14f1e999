import "server-only";
import type { Database } from "@/server/db/client";
import type { Viewer } from "@/server/access/viewer";
import { changeRequest } from "@/server/requests/change-request";
import { agentReplySchema, toStatusAfterReply, type AgentReplyInput } from "@/schemas/agent-request";
import { invalidInput, toActionResult, type AgentActionResult } from "./agent-action";

// An agent's public reply (PRODUCT.md §4): the request becomes Pending unless the agent chooses
// another status in the same step — Open, On-hold with a reason, or Solved with a resolution.

export async function agentReply(db: Database, viewer: Pick<Viewer, "actor" | "now">, input: AgentReplyInput): Promise<AgentActionResult> {
  const parsed = agentReplySchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { actor, now } = viewer;
  const then = toStatusAfterReply(parsed.data);
  const result = await changeRequest(db, {
    requestId: parsed.data.requestId,
    viewer,
    permissions: ["work_request", "reply"],
    makeCommand: () => ({ type: "agent_reply", at: now, agentId: actor.userId, then }),
    comment: { body: parsed.data.body, visibility: "public" },
  });
  return toActionResult(result);
}
