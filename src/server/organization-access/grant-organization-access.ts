import "server-only";
import { checkGrant, isGrantActive } from "@/domain";
import { organizationAccessGrantSchema } from "@/schemas/organization-access";
import type { Database } from "@/server/db/client";
import { notFound, refused, type Outcome } from "@/server/outcome";
import type { Viewer } from "@/server/people/viewer";
import { recordAudit } from "@/server/security/audit";
import { defineUseCase } from "@/server/use-case";

// An agent grants organization-level access from an access request: an approved one, or a technical
// contact's own (docs/product.md §6). The grant records who gave it, when, and from which request;
// the requester sees the Organization scope on their next page load; the audit trail records it.

export const grantOrganizationAccess = defineUseCase({
  input: organizationAccessGrantSchema,
  identifies: ["accessRequestId"],
  run: async (db: Database, viewer: Pick<Viewer, "actor" | "now" | "client">, { accessRequestId }) =>
    db.$transaction(async (tx): Promise<Outcome<{ grantId: string }>> => {
      const { actor, now } = viewer;
      const request = await tx.organizationAccessRequest.findUnique({
        where: { id: accessRequestId },
        select: { organizationId: true, requesterId: true, approverId: true, approvalState: true },
      });
      if (!request) return notFound();
      const grants = await tx.organizationAccessGrant.findMany({
        where: { userId: request.requesterId, organizationId: request.organizationId, revokedAt: null },
        select: { organizationId: true, revokedAt: true, expiresAt: true },
      });
      const check = checkGrant(actor, request, grants.some((grant) => isGrantActive(grant, now)));
      if (!check.ok) return refused(check.refusal);
      const grant = await tx.organizationAccessGrant.create({
        data: { organizationId: request.organizationId, userId: request.requesterId, grantedById: actor.userId, accessRequestId, grantedAt: now },
        select: { id: true },
      });
      await recordAudit(tx, { type: "organization_access_granted", actorId: actor.userId, subjectId: request.requesterId, client: viewer.client, detail: { organizationId: request.organizationId, grantId: grant.id } }, now);
      return { ok: true, grantId: grant.id };
    }),
});
