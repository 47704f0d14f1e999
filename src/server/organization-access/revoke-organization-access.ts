import "server-only";
import { checkRevoke } from "@/domain";
import { organizationAccessRevokeSchema } from "@/schemas/organization-access";
import type { Database } from "@/server/db/client";
import { notFound, refused, refusedWith, type Outcome } from "@/server/outcome";
import type { Viewer } from "@/server/people/viewer";
import { recordAudit } from "@/server/security/audit";
import { defineUseCase } from "@/server/use-case";

// An agent revokes an active grant (docs/product.md §6). The grant stays on record with who revoked it
// and when; the viewer's grants are read on every request, so the revocation applies on the next page
// load. The audit trail records it.

export const revokeOrganizationAccess = defineUseCase({
  input: organizationAccessRevokeSchema,
  identifies: ["grantId"],
  run: async (db: Database, viewer: Pick<Viewer, "actor" | "now" | "client">, { grantId }) =>
    db.$transaction(async (tx): Promise<Outcome> => {
      const { actor, now } = viewer;
      const grant = await tx.organizationAccessGrant.findUnique({ where: { id: grantId }, select: { organizationId: true, userId: true, revokedAt: true, expiresAt: true } });
      if (!grant) return notFound();
      const check = checkRevoke(actor, grant, now);
      if (!check.ok) return refused(check.refusal);
      const { count } = await tx.organizationAccessGrant.updateMany({ where: { id: grantId, revokedAt: null }, data: { revokedAt: now, revokedById: actor.userId } });
      if (count === 0) return refusedWith("grant_not_active", "This access is no longer active.");
      await recordAudit(tx, { type: "organization_access_revoked", actorId: actor.userId, subjectId: grant.userId, client: viewer.client, detail: { organizationId: grant.organizationId, grantId } }, now);
      return { ok: true };
    }),
});
