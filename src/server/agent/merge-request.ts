import "server-only";
import type { Database } from "@/server/db/client";
import type { Viewer } from "@/server/access/viewer";
import { ConcurrentChange, changeRequest } from "@/server/requests/change-request";
import { mergeRequestSchema, type MergeRequestInput } from "@/schemas/agent-request";
import { invalidInput, toActionResult, type AgentActionResult } from "./agent-action";

// Merges a request into another of the same organization (PRODUCT.md §4): the source becomes Solved
// (merged) and points at the target, the requests already merged into the source follow it to the
// target, and the target records what it received. The domain decides whether the merge is allowed,
// and who may follow the links (its merge relations): nobody is added to either request.

export async function mergeRequest(db: Database, viewer: Pick<Viewer, "actor" | "now">, input: MergeRequestInput): Promise<AgentActionResult> {
  const parsed = mergeRequestSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { actor, now } = viewer;
  const { requestId, targetId } = parsed.data;
  let targetVersion = 0;
  const result = await changeRequest(db, {
    requestId,
    viewer,
    permissions: ["work_request"],
    makeCommand: async (state, tx) => {
      const target = await tx.request.findUnique({ where: { id: targetId }, select: { id: true, organizationId: true, mergedIntoId: true, version: true } });
      if (!target) return { code: "merge_target_not_found", message: `There is no request #${targetId}.` };
      targetVersion = target.version;
      const mergedIntoThis = await tx.request.findMany({ where: { mergedIntoId: state.id }, select: { id: true }, orderBy: { id: "asc" } });
      return {
        type: "merge",
        at: now,
        agentId: actor.userId,
        target: { id: target.id, organizationId: target.organizationId, mergedIntoId: target.mergedIntoId },
        mergedIntoThis: mergedIntoThis.map((request) => request.id),
      };
    },
    // The target changes too (it lists the merge), and must not have been merged away meanwhile.
    extraWrites: async (tx) => {
      const updated = await tx.request.updateMany({ where: { id: targetId, version: targetVersion }, data: { version: { increment: 1 } } });
      if (updated.count === 0) throw new ConcurrentChange();
    },
  });
  return toActionResult(result);
}
