import "server-only";
import { mergeRequestSchema } from "@/schemas/agent-request";
import { refusedWith } from "@/server/outcome";
import { ConcurrentChange, defineRequestChange } from "./change-request";
import { findRequestFor } from "./request-gate";

// Merges a request into another of the same organization (docs/product.md §4.3): the source becomes
// Solved (merged) and points at the target, the requests already merged into the source follow it to
// the target, and the target records what it received. The domain decides whether the merge is
// allowed, and who may follow the links (its merge relations): nobody is added to either request.

export const mergeRequest = defineRequestChange(mergeRequestSchema, (viewer, { targetId }) => {
  const { actor, now } = viewer;
  let targetVersion = 0;
  return {
    may: ["work_request"],
    makeCommand: async (state, tx) => {
      // The target is opened through the gate too, for working on it.
      const opened = await findRequestFor(tx, viewer, targetId, { may: ["work_request"], select: { id: true, organizationId: true, mergedIntoId: true, version: true } });
      if (!opened.ok) return refusedWith("merge_target_not_found", `There is no request #${targetId}.`);
      const target = opened.request;
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
  };
});
