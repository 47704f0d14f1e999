import "server-only";
import { checkApprovalDecision, refuse, type ApprovalState } from "@/domain";
import { organizationAccessDecisionSchema } from "@/schemas/organization-access";
import type { Viewer } from "@/server/access/viewer";
import type { Database } from "@/server/db/client";
import { notFound, type OrganizationAccessResult } from "./access-refusal";

// The technical contact an admin named approves or declines the admin's access request, once
// (PRODUCT.md §6). Only an approved request can then be granted by an agent.

export type DecideOrganizationAccessResult = OrganizationAccessResult<{ approvalState: ApprovalState }>;

export async function decideOrganizationAccess(db: Database, viewer: Pick<Viewer, "actor" | "now">, input: unknown): Promise<DecideOrganizationAccessResult> {
  const { actor, now } = viewer;
  const parsed = organizationAccessDecisionSchema.safeParse(input);
  if (!parsed.success) return notFound();
  const { accessRequestId, decision } = parsed.data;

  const request = await db.organizationAccessRequest.findUnique({
    where: { id: accessRequestId },
    select: { organizationId: true, requesterId: true, approverId: true, approvalState: true },
  });
  // Someone else's request answers like one that does not exist.
  if (!request || request.approverId !== actor.userId) return notFound();
  const check = checkApprovalDecision(actor, request);
  if (!check.ok) return check;

  const approvalState = decision === "approve" ? "approved" : "declined";
  // Decided once: the update only applies while the request is still pending.
  const { count } = await db.organizationAccessRequest.updateMany({
    where: { id: accessRequestId, approverId: actor.userId, approvalState: "pending" },
    data: { approvalState, decidedAt: now },
  });
  if (count === 0) return refuse("already_decided", "This request was already decided.");
  return { ok: true, approvalState };
}
