import "server-only";
import { holdRequestSchema, toHoldReason } from "@/schemas/agent-request";
import { defineRequestChange } from "./change-request";

/** Puts a request On-hold with a reason: reproducing a bug, with engineering, waiting for the account team, or the agent's own words. */
export const holdRequest = defineRequestChange(holdRequestSchema, ({ actor, now }, input) => ({
  may: ["work_request"],
  makeCommand: () => ({ type: "hold", at: now, agentId: actor.userId, reason: toHoldReason(input) }),
}));
