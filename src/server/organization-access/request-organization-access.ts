import "server-only";
import { checkAccessRequest, type Actor, type ApprovalState } from "@/domain";
import { organizationAccessRequestSchema } from "@/schemas/organization-access";
import type { Database } from "@/server/db/client";
import { refused, refusedWith, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { openAccessRequestWhere } from "./open-access-request";

// A customer asks for organization-level access (docs/product.md §6): a technical contact for their
// own organization, needing no approval; an organization admin only by naming one of the
// organization's technical contacts, who then approves or declines. The domain decides which; this
// records it.

export const requestOrganizationAccess = defineUseCase({
  input: organizationAccessRequestSchema,
  run: async (db: Database, viewer: Reader, input): Promise<Outcome<{ accessRequestId: string; approvalState: ApprovalState }>> => {
    const { actor, now } = viewer;
    const { approverId, note } = input;
    const organizationId = input.organizationId ?? soleOrganization(actor);
    if (!organizationId) return refusedWith("not_a_member", "Choose one of your organizations.");

    const approver = approverId
      ? {
          userId: approverId,
          membership:
            (await db.membership.findUnique({
              where: { userId_organizationId: { userId: approverId, organizationId } },
              select: { organizationId: true, isTechnicalContact: true, isAdmin: true },
            })) ?? undefined,
        }
      : null;
    return db.$transaction(async (tx): Promise<Outcome<{ accessRequestId: string; approvalState: ApprovalState }>> => {
      const hasOpenRequest = (await tx.organizationAccessRequest.count({ where: openAccessRequestWhere(actor.userId, organizationId) })) > 0;
      const check = checkAccessRequest(actor, organizationId, approver, now, hasOpenRequest);
      if (!check.ok) return refused(check.refusal);
      const created = await tx.organizationAccessRequest.create({
        data: { organizationId, requesterId: actor.userId, approverId: check.approverId, approvalState: check.approvalState, note: note ?? null, createdAt: now },
        select: { id: true, approvalState: true },
      });
      return { ok: true, accessRequestId: created.id, approvalState: created.approvalState };
    });
  },
});

function soleOrganization(actor: Actor): string | null {
  const [only, ...others] = actor.memberships;
  return only && others.length === 0 ? only.organizationId : null;
}
