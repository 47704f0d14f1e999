import "server-only";
import { z } from "zod";
import { STATUSES_WITHOUT_REASON } from "@/domain";
import { requestIdSchema } from "@/schemas/request-id";
import { defineRequestChange } from "./change-request";

export const setRequestStatusSchema = z.object({ requestId: requestIdSchema, status: z.enum(STATUSES_WITHOUT_REASON) });

/** Sets a request Open or Pending without a message (the queue's bulk "Set status…"); the domain decides. */
export const setRequestStatus = defineRequestChange(setRequestStatusSchema, ({ actor, now }, { status }) => ({
  may: ["work_request"],
  makeCommand: () => ({ type: "set_status", at: now, agentId: actor.userId, status }),
}));
