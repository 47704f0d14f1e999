import "server-only";
import { checkApprovalDecision, type ApprovalState } from "@/domain";
import { organizationAccessDecisionSchema } from "@/schemas/organization-access";
import type { Database } from "@/server/db/client";
import { notFound, refused, refusedWith, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";

// The technical contact an admin named approves or declines the admin's access request, once
// (docs/product.md §6). Only an approved request can then be granted by an agent.

export const decideOrganizationAccess = defineUseCase({
  input: organizationAccessDecisionSchema,
  identifies: ["accessRequestId"],
  run: async (db: Database, viewer: Reader, { accessRequestId, decision }): Promise<Outcome<{ approvalState: ApprovalState }>> => {
    const { actor, now } = viewer;
    const request = await db.organizationAccessRequest.findUnique({
      where: { id: accessRequestId },
      select: { organizationId: true, requesterId: true, approverId: true, approvalState: true },
    });
    // Someone else's request answers like one that does not exist.
    if (!request || request.approverId !== actor.userId) return notFound();
    const check = checkApprovalDecision(actor, request);
    if (!check.ok) return refused(check.refusal);

    const approvalState = decision === "approve" ? "approved" : "declined";
    // Decided once: the update only applies while the request is still pending.
    const { count } = await db.organizationAccessRequest.updateMany({
      where: { id: accessRequestId, approverId: actor.userId, approvalState: "pending" },
      data: { approvalState, decidedAt: now },
    });
    if (count === 0) return refusedWith("already_decided", "This request was already decided.");
    return { ok: true, approvalState };
  },
});
