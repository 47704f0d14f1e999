import "server-only";
import { agentReplySchema, toStatusAfterReply } from "@/schemas/agent-request";
import { submissionOf } from "@/server/submissions";
import { defineRequestChange } from "./change-request";

// An agent's public reply (docs/product.md §4): the request becomes Pending unless the agent chooses
// another status in the same step — Open, On-hold with a reason, or Solved with a resolution. The
// form's second submission (same key) adds no second reply.

export const replyAsAgent = defineRequestChange(agentReplySchema, ({ actor, now }, input) => ({
  may: ["work_request"],
  makeCommand: () => ({ type: "agent_reply", at: now, agentId: actor.userId, then: toStatusAfterReply(input) }),
  comment: { body: input.body, visibility: "public", attachmentIds: input.attachmentIds },
  submission: submissionOf("agent_reply", input),
}));
