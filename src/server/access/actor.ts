import type { Actor } from "@/domain";
import type { Database } from "@/server/db/client";

/** The domain's view of a user: agent flag, memberships and organization grants, read fresh. */
export async function loadActor(db: Database, userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      isAgent: true,
      memberships: { select: { organizationId: true, isTechnicalContact: true, isAdmin: true } },
      // Revoked grants give nothing; the domain also checks expiry against the clock.
      accessGrants: { where: { revokedAt: null }, select: { organizationId: true, revokedAt: true, expiresAt: true } },
    },
  });
  if (!user) return null;
  return { userId: user.id, isAgent: user.isAgent, memberships: user.memberships, grants: user.accessGrants };
}
