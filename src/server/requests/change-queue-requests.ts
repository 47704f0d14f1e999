import "server-only";
import { bulkQueueChangeSchema } from "@/schemas/agent-queue";
import type { Database } from "@/server/db/client";
import { invalid, notFound } from "@/server/outcome";
import type { Viewer } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { assignRequest } from "./assign-request";
import { setRequestStatus } from "./set-request-status";

// The queue's bulk actions: each selected request goes through the same use case as the single
// action on its page — the gate, the domain's decision, the events and notifications, one
// transaction each — so one refusal leaves the others changed, and the answer says which was refused.

export interface BulkChangeResult {
  updated: number[];
  /** Why each was not changed: a domain refusal's code, or not_found / conflict / invalid. */
  refused: { id: number; code: string }[];
}

export const changeQueueRequests = defineUseCase({
  input: bulkQueueChangeSchema,
  run: async (db: Database, viewer: Viewer, input) => {
    if (!viewer.actor.isAgent) return notFound();
    // The assignee is checked once: a choice the form did not offer changes nothing.
    if (input.change === "assign" && input.assigneeId !== null && input.assigneeId !== "me") {
      if (!(await db.user.findFirst({ where: { id: input.assigneeId, isAgent: true }, select: { id: true } }))) return invalid({ assigneeId: "invalid" });
    }
    const result: BulkChangeResult = { updated: [], refused: [] };
    for (const requestId of [...new Set(input.requestIds)].sort((a, b) => a - b)) {
      const outcome =
        input.change === "assign"
          ? await assignRequest.run(db, viewer, { requestId, assigneeId: input.assigneeId })
          : await setRequestStatus.run(db, viewer, { requestId, status: input.status });
      if (outcome.ok) result.updated.push(requestId);
      else result.refused.push({ id: requestId, code: outcome.reason === "refused" ? outcome.refusal.code : outcome.reason });
    }
    return { ok: true as const, ...result };
  },
});
