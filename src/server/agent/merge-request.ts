import "server-only";
import type { Database } from "@/server/db/client";
import type { Viewer } from "@/server/access/viewer";
import { ConcurrentChange, changeRequest, type Transaction } from "@/server/requests/change-request";
import { mergeRequestSchema, type MergeRequestInput } from "@/schemas/agent-request";
import { invalidInput, toActionResult, type AgentActionResult } from "./agent-action";

// Merges a request into another of the same organization (PRODUCT.md §4): the source becomes Solved
// (merged) and points at the target, the requests already merged into the source follow it to the
// target, and the target records what it received. The domain decides whether the merge is allowed.

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
      const [source, target] = await Promise.all([peopleOf(tx, requestId), peopleOf(tx, targetId)]);
      await addCcs(tx, targetId, source, target, actor.userId, now);
      await addCcs(tx, requestId, target, source, actor.userId, now);
    },
  });
  return toActionResult(result);
}

/** The requester and the CCs of a request. */
async function peopleOf(tx: Transaction, requestId: number) {
  const row = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { requesterId: true, ccs: { select: { userId: true } } } });
  return { requesterId: row.requesterId, userIds: [row.requesterId, ...row.ccs.map((cc) => cc.userId)] };
}

/** CCs `from`'s people on `requestId` where they cannot see it yet, recording each as the CC manager does. */
async function addCcs(
  tx: Transaction,
  requestId: number,
  from: { userIds: string[] },
  to: { requesterId: string; userIds: string[] },
  actorId: string,
  now: Date,
) {
  const newcomers = from.userIds.filter((userId) => !to.userIds.includes(userId));
  if (newcomers.length === 0) return;
  await tx.requestCc.createMany({ data: newcomers.map((userId) => ({ requestId, userId, addedById: actorId, createdAt: now })), skipDuplicates: true });
  await tx.requestEvent.createMany({ data: newcomers.map((userId) => ({ requestId, actorId, type: "cc_added" as const, data: { userId }, createdAt: now })) });
}
