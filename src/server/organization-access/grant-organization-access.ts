import "server-only";
import { checkGrant, isGrantActive } from "@/domain";
import { organizationAccessGrantSchema } from "@/schemas/organization-access";
import type { Viewer } from "@/server/access/viewer";
import type { Database } from "@/server/db/client";
import { notFound, type OrganizationAccessResult } from "./access-refusal";

// An agent grants organization-level access from an access request: an approved one, or a technical
// contact's own (PRODUCT.md §6). The grant records who gave it, when, and from which request; the
// requester sees the Organization scope on their next page load.

export type GrantOrganizationAccessResult = OrganizationAccessResult<{ grantId: string }>;

export async function grantOrganizationAccess(db: Database, viewer: Pick<Viewer, "actor" | "now">, input: unknown): Promise<GrantOrganizationAccessResult> {
  const { actor, now } = viewer;
  const parsed = organizationAccessGrantSchema.safeParse(input);
  if (!parsed.success) return notFound();
  const { accessRequestId } = parsed.data;

  return db.$transaction(async (tx): Promise<GrantOrganizationAccessResult> => {
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
    if (!check.ok) return check;
    const grant = await tx.organizationAccessGrant.create({
      data: { organizationId: request.organizationId, userId: request.requesterId, grantedById: actor.userId, accessRequestId, grantedAt: now },
      select: { id: true },
    });
    return { ok: true, grantId: grant.id };
  });
}
