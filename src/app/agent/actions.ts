"use server";

import { MAX_BULK_REQUESTS } from "@/schemas/agent-queue";
import { agentAction } from "@/server/entry/actions";
import { changeQueueRequests } from "@/server/requests/change-queue-requests";
import { bulkSummary } from "@/ui/agent-queue/bulk-summary";

// The queue's bulk actions: agents only; every selected request through its own use case.
export const bulkChangeAction = agentAction(changeQueueRequests, {
  messages: { namespace: "agentQueue.bulk", values: { too_many: { max: MAX_BULK_REQUESTS } } },
  done: async (result) => ({ sentence: await bulkSummary(result) }),
  revalidate: () => ["/agent"],
});
