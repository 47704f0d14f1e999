import "server-only";
import type { Viewer } from "@/server/access/viewer";
import type { Database } from "@/server/db/client";

// What the new-request form offers a customer: their organizations and, for each, the other members
// they may CC (PRODUCT.md §2: CCs come from the requester's organization; `createRequest` checks again).

export interface CcCandidate {
  id: string;
  name: string;
  email: string;
}

export interface NewRequestFormOrganization {
  id: string;
  name: string;
  ccCandidates: CcCandidate[];
}

export async function getNewRequestForm(db: Database, viewer: Pick<Viewer, "actor">): Promise<{ organizations: NewRequestFormOrganization[] }> {
  const { actor } = viewer;
  if (actor.isAgent || actor.memberships.length === 0) return { organizations: [] };
  const organizations = await db.organization.findMany({
    where: { id: { in: actor.memberships.map((membership) => membership.organizationId) } },
    select: {
      id: true,
      name: true,
      memberships: {
        where: { userId: { not: actor.userId } },
        select: { user: { select: { id: true, name: true, email: true } } },
        orderBy: { user: { name: "asc" } },
      },
    },
    orderBy: { name: "asc" },
  });
  return {
    organizations: organizations.map((organization) => ({
      id: organization.id,
      name: organization.name,
      ccCandidates: organization.memberships.map((membership) => membership.user),
    })),
  };
}
