import "server-only";
import { checkRevoke, refuse } from "@/domain";
import { organizationAccessRevokeSchema } from "@/schemas/organization-access";
import type { Viewer } from "@/server/access/viewer";
import type { Database } from "@/server/db/client";
import { notFound, type OrganizationAccessResult } from "./access-refusal";

// An agent revokes an active grant (PRODUCT.md §6). The grant stays on record with who revoked it and
// when; `loadActor` reads grants on every request, so the revocation applies on the next page load.

export async function revokeOrganizationAccess(db: Database, viewer: Pick<Viewer, "actor" | "now">, input: unknown): Promise<OrganizationAccessResult> {
  const { actor, now } = viewer;
  const parsed = organizationAccessRevokeSchema.safeParse(input);
  if (!parsed.success) return notFound();
  const { grantId } = parsed.data;

  const grant = await db.organizationAccessGrant.findUnique({ where: { id: grantId }, select: { organizationId: true, revokedAt: true, expiresAt: true } });
  if (!grant) return notFound();
  const check = checkRevoke(actor, grant, now);
  if (!check.ok) return check;
  const { count } = await db.organizationAccessGrant.updateMany({ where: { id: grantId, revokedAt: null }, data: { revokedAt: now, revokedById: actor.userId } });
  if (count === 0) return refuse("grant_not_active", "This access is no longer active.");
  return { ok: true };
}
