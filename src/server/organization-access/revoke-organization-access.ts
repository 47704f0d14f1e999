import "server-only";
import { checkRevoke } from "@/domain";
import { organizationAccessRevokeSchema } from "@/schemas/organization-access";
import type { Database } from "@/server/db/client";
import { notFound, refused, refusedWith, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";

// An agent revokes an active grant (docs/product.md §6). The grant stays on record with who revoked it
// and when; the viewer's grants are read on every request, so the revocation applies on the next page
// load.

export const revokeOrganizationAccess = defineUseCase({
  input: organizationAccessRevokeSchema,
  identifies: ["grantId"],
  run: async (db: Database, viewer: Reader, { grantId }): Promise<Outcome> => {
    const { actor, now } = viewer;
    const grant = await db.organizationAccessGrant.findUnique({ where: { id: grantId }, select: { organizationId: true, revokedAt: true, expiresAt: true } });
    if (!grant) return notFound();
    const check = checkRevoke(actor, grant, now);
    if (!check.ok) return refused(check.refusal);
    const { count } = await db.organizationAccessGrant.updateMany({ where: { id: grantId, revokedAt: null }, data: { revokedAt: now, revokedById: actor.userId } });
    if (count === 0) return refusedWith("grant_not_active", "This access is no longer active.");
    return { ok: true };
  },
});
