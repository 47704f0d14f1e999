import "server-only";
import { z } from "zod";
import { checkNewRequest } from "@/domain";
import type { Database } from "@/server/db/client";
import { refused, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";

// What the new-request form offers a customer: their organizations and, for each, the other members
// they may CC (docs/product.md §2: CCs come from the requester's organization; `createRequest` checks
// again). Refused, with the domain's reason, for someone who may not open requests.

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

export const getNewRequestForm = defineUseCase({
  input: z.object({}),
  run: async (db: Database, viewer: Reader): Promise<Outcome<{ organizations: NewRequestFormOrganization[] }>> => {
    const { actor } = viewer;
    const allowed = checkNewRequest(actor);
    if (!allowed.ok) return refused(allowed.refusal);
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
      ok: true,
      organizations: organizations.map((organization) => ({
        id: organization.id,
        name: organization.name,
        ccCandidates: organization.memberships.map((membership) => membership.user),
      })),
    };
  },
});
