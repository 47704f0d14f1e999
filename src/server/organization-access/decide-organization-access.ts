import "server-only";
import { checkApprovalDecision, type ApprovalState } from "@/domain";
import { organizationAccessDecisionSchema } from "@/schemas/organization-access";
import type { Database } from "@/server/db/client";
import { notFound, refused, refusedWith, type Outcome } from "@/server/outcome";
import type { Viewer } from "@/server/people/viewer";
import { recordAudit } from "@/server/security/audit";
import { defineUseCase } from "@/server/use-case";

// The technical contact an admin named approves or declines the admin's access request, once
// (docs/product.md §6). Only an approved request can then be granted by an agent.

export const decideOrganizationAccess = defineUseCase({
  input: organizationAccessDecisionSchema,
  identifies: ["accessRequestId"],
  run: async (db: Database, viewer: Pick<Viewer, "actor" | "now" | "client">, { accessRequestId, decision }) =>
    db.$transaction(async (tx): Promise<Outcome<{ approvalState: ApprovalState }>> => {
    const { actor, now } = viewer;
    const request = await tx.organizationAccessRequest.findUnique({
      where: { id: accessRequestId },
      select: { organizationId: true, requesterId: true, approverId: true, approvalState: true },
    });
    // Someone else's request answers like one that does not exist.
    if (!request || request.approverId !== actor.userId) return notFound();
    const check = checkApprovalDecision(actor, request);
    if (!check.ok) return refused(check.refusal);

    const approvalState = decision === "approve" ? "approved" : "declined";
    // Decided once: the update only applies while the request is still pending.
    const { count } = await tx.organizationAccessRequest.updateMany({
      where: { id: accessRequestId, approverId: actor.userId, approvalState: "pending" },
      data: { approvalState, decidedAt: now },
    });
    if (count === 0) return refusedWith("already_decided", "This request was already decided.");
    if (approvalState === "declined") {
      await recordAudit(tx, { type: "organization_access_declined", actorId: actor.userId, subjectId: request.requesterId, client: viewer.client, detail: { organizationId: request.organizationId, accessRequestId } }, now);
    }
    return { ok: true, approvalState };
    }),
});
