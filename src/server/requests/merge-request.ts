import "server-only";
import { mergeRequestSchema } from "@/schemas/agent-request";
import { notifyChange } from "@/server/mail/notify";
import { refusedWith } from "@/server/outcome";
import { recordRequestChanged } from "@/server/realtime/stream-events";
import type { Submission } from "@/server/submissions";
import { ConcurrentChange, defineRequestChange } from "./change-request";
import { findRequestFor } from "./request-gate";

// Merges a request into another of the same organization (docs/product.md §4.3): the source becomes
// Solved (merged) and points at the target, the requests already merged into the source follow it to
// the target, and the target records what it received. The domain decides whether the merge is
// allowed, and who may follow the links (its merge relations): nobody is added to either request.
// The agent may leave a public comment on each request; both are written in the merge's transaction,
// so a refused merge leaves no comment behind, and each is mailed like any public reply.

export const mergeRequest = defineRequestChange(mergeRequestSchema, (viewer, { targetId, commentOnMerged, commentOnTarget, submissionKey, ...rest }) => {
  const { actor, now, channel } = viewer;
  let target = { version: 0, status: "open", priority: "S3" };
  // Made once per rendering of the dialog: a resent confirmation answers as the first did.
  const submission: Submission | undefined = submissionKey
    ? { form: "merge", key: submissionKey, input: { ...rest, targetId, commentOnMerged, commentOnTarget } }
    : undefined;
  return {
    may: ["work_request"],
    submission,
    makeCommand: async (state, tx) => {
      // The target is opened through the gate too, for working on it.
      const opened = await findRequestFor(tx, viewer, targetId, {
        may: ["work_request"],
        select: { id: true, organizationId: true, mergedIntoId: true, version: true, status: true, priority: true },
      });
      if (!opened.ok) return refusedWith("merge_target_not_found", `There is no request #${targetId}.`);
      target = opened.request;
      const mergedIntoThis = await tx.request.findMany({ where: { mergedIntoId: state.id }, select: { id: true }, orderBy: { id: "asc" } });
      return {
        type: "merge",
        at: now,
        agentId: actor.userId,
        target: { id: opened.request.id, organizationId: opened.request.organizationId, mergedIntoId: opened.request.mergedIntoId },
        mergedIntoThis: mergedIntoThis.map((request) => request.id),
      };
    },
    comment: commentOnMerged ? { body: commentOnMerged, visibility: "public" } : undefined,
    // The target changes too (it lists the merge, and may get the agent's comment), and must not have been merged away meanwhile.
    extraWrites: async (tx) => {
      const updated = await tx.request.updateMany({
        where: { id: targetId, version: target.version },
        data: { version: { increment: 1 } },
      });
      if (updated.count === 0) throw new ConcurrentChange();
      const comment = commentOnTarget
        ? await tx.comment.create({
            data: { requestId: targetId, authorId: actor.userId, body: commentOnTarget, visibility: "public", channel, createdAt: now },
            select: { id: true },
          })
        : null;
      // An agent's public word on the target: its people hear of it as of any reply, without a status change.
      if (comment) await notifyChange(tx, { requestId: targetId, actorId: actor.userId, actorIsAgent: actor.isAgent, now, commentId: comment.id, records: [] });
      await recordRequestChanged(tx, { requestId: targetId, internal: false, data: { commentId: comment?.id ?? null, status: target.status, priority: target.priority } });
    },
  };
});
