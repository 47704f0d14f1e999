import type { Actor, RequestAccess } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import { visibleRequestsWhere } from "@/server/access/request-filter";

// One request by id, as every request use case reads it: the id AND the viewer's visibility filter
// in the same query, so a request that does not exist and one the viewer may not see take the same
// path and the same time. The caller then asks the domain's `can` on the row (defense in depth).

export function visibleRequestWhere(actor: Actor, now: Date, id: number): Prisma.RequestWhereInput {
  return { AND: [{ id }, visibleRequestsWhere(actor, now)] };
}

/** What `can` needs to know about a request. */
export const requestAccessSelect = {
  organizationId: true,
  requesterId: true,
  ccs: { select: { userId: true } },
} as const satisfies Prisma.RequestSelect;

export function toRequestAccess(row: { organizationId: string; requesterId: string; ccs: readonly { userId: string }[] }): RequestAccess {
  return { organizationId: row.organizationId, requesterId: row.requesterId, ccUserIds: row.ccs.map((cc) => cc.userId) };
}
