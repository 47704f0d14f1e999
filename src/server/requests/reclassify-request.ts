import "server-only";
import { reclassifyRequestSchema } from "@/schemas/agent-request";
import { defineRequestChange } from "./change-request";

/** Changes a request's priority with a reason the customer sees in the priority history. */
export const reclassifyRequest = defineRequestChange(reclassifyRequestSchema, ({ actor, now }, { priority, reason }) => ({
  may: ["work_request"],
  makeCommand: () => ({ type: "reclassify", at: now, agentId: actor.userId, priority, reason }),
}));
