import "server-only";
import { z } from "zod";
import { checkGrant, isGrantActive, type ApprovalState } from "@/domain";
import type { Database } from "@/server/db/client";
import { notFound, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";

// The support team's view of organization-level access (docs/product.md §6): every access request with
// its approval state, and every grant made from it — who granted and revoked it, and when. Grants
// are never deleted, so this list is also the audit trail of access changes.

/** Enough for the newest requests of all organizations; older ones are history. */
export const ACCESS_LIST_LIMIT = 200;

export interface PersonRef {
  name: string;
  email: string;
}

export interface AccessGrantRow {
  id: string;
  grantedAt: Date;
  grantedBy: string;
  revokedAt: Date | null;
  revokedBy: string | null;
  expiresAt: Date | null;
  active: boolean;
}

export interface AccessRequestRow {
  id: string;
  organizationName: string;
  requester: PersonRef;
  approverName: string | null;
  approvalState: ApprovalState;
  decidedAt: Date | null;
  note: string | null;
  createdAt: Date;
  supportRequestId: number | null;
  /** Newest first. */
  grants: AccessGrantRow[];
  /** Whether the domain would let this agent grant it now (checkGrant). */
  grantable: boolean;
}

export interface OrganizationAccessList {
  requests: AccessRequestRow[];
}

const personSelect = { select: { name: true, email: true } } as const;

/** For agents only; anyone else gets "not found". */
export const listOrganizationAccess = defineUseCase({
  input: z.object({}),
  run: async (db: Database, viewer: Reader): Promise<Outcome<{ list: OrganizationAccessList }>> => {
    const { actor, now } = viewer;
    if (!actor.isAgent) return notFound();

    const rows = await db.organizationAccessRequest.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: ACCESS_LIST_LIMIT,
      select: {
        id: true,
        organizationId: true,
        requesterId: true,
        approverId: true,
        approvalState: true,
        decidedAt: true,
        note: true,
        createdAt: true,
        supportRequestId: true,
        organization: { select: { name: true } },
        requester: personSelect,
        approver: personSelect,
        grants: {
          orderBy: { grantedAt: "desc" },
          select: { id: true, organizationId: true, grantedAt: true, expiresAt: true, revokedAt: true, grantedBy: personSelect, revokedBy: personSelect },
        },
      },
    });

    // Whether each requester already holds access to the organization, from whichever request.
    const pairs = rows.map((row) => ({ userId: row.requesterId, organizationId: row.organizationId }));
    const activeGrants = pairs.length
      ? await db.organizationAccessGrant.findMany({
          where: { revokedAt: null, OR: pairs },
          select: { userId: true, organizationId: true, revokedAt: true, expiresAt: true },
        })
      : [];
    const hasActiveGrant = new Set(activeGrants.filter((grant) => isGrantActive(grant, now)).map((grant) => `${grant.userId}|${grant.organizationId}`));

    const list: OrganizationAccessList = {
      requests: rows.map((row) => ({
        id: row.id,
        organizationName: row.organization.name,
        requester: row.requester,
        approverName: row.approver?.name ?? null,
        approvalState: row.approvalState,
        decidedAt: row.decidedAt,
        note: row.note,
        createdAt: row.createdAt,
        supportRequestId: row.supportRequestId,
        grants: row.grants.map((grant) => ({
          id: grant.id,
          grantedAt: grant.grantedAt,
          grantedBy: grant.grantedBy.name,
          revokedAt: grant.revokedAt,
          revokedBy: grant.revokedBy?.name ?? null,
          expiresAt: grant.expiresAt,
          active: isGrantActive(grant, now),
        })),
        grantable: checkGrant(actor, row, hasActiveGrant.has(`${row.requesterId}|${row.organizationId}`)).ok,
      })),
    };
    return { ok: true, list };
  },
});
