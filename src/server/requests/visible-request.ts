import type { Actor, RequestAccess, RequestParties } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import { visibleRequestsWhere } from "@/server/access/request-filter";

// One request by id, as every request use case reads it: the id AND the viewer's visibility filter
// in the same query, so a request that does not exist and one the viewer may not see take the same
// path and the same time. The caller then asks the domain's `can` on the row (defense in depth).

export function visibleRequestWhere(actor: Actor, now: Date, id: number): Prisma.RequestWhereInput {
  return { AND: [{ id }, openableRequestsWhere(actor, now)] };
}

/**
 * The requests a viewer may open: those the list filter returns, and those a merge links to one of
 * them (the domain's `matchesFilterFollowingMergeLinks`).
 */
export function openableRequestsWhere(actor: Actor, now: Date): Prisma.RequestWhereInput {
  const direct = visibleRequestsWhere(actor, now);
  if (Object.keys(direct).length === 0) return direct;
  return { OR: [direct, { mergedInto: { is: direct } }, { mergedFrom: { some: direct } }] };
}

export const partiesSelect = { organizationId: true, requesterId: true, ccs: { select: { userId: true } } } as const satisfies Prisma.RequestSelect;

/** What `can` needs to know about a request: its parties and those of the requests a merge links it to. */
export const requestAccessSelect = {
  ...partiesSelect,
  mergedInto: { select: partiesSelect },
  mergedFrom: { select: partiesSelect },
} as const satisfies Prisma.RequestSelect;

interface PartiesRow {
  organizationId: string;
  requesterId: string;
  ccs: readonly { userId: string }[];
}

function toParties(row: PartiesRow): RequestParties {
  return { organizationId: row.organizationId, requesterId: row.requesterId, ccUserIds: row.ccs.map((cc) => cc.userId) };
}

export function toRequestAccess(row: PartiesRow & { mergedInto?: PartiesRow | null; mergedFrom?: readonly PartiesRow[] }): RequestAccess {
  return {
    ...toParties(row),
    mergedInto: row.mergedInto ? toParties(row.mergedInto) : null,
    mergedFrom: (row.mergedFrom ?? []).map(toParties),
  };
}
