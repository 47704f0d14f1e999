import { visibleRequestsFilter, type Actor } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";

/**
 * The domain's visibility rule as a Prisma filter: every list and search of requests goes through
 * it, so a query cannot return a request its viewer may not see.
 */
export function visibleRequestsWhere(actor: Actor, now: Date): Prisma.RequestWhereInput {
  const filter = visibleRequestsFilter(actor, now);
  if (filter.kind === "all") return {};
  const anyOf: Prisma.RequestWhereInput[] = [
    { requesterId: filter.requesterId },
    { ccs: { some: { userId: filter.ccUserId } } },
  ];
  if (filter.organizationIds.length > 0) anyOf.push({ organizationId: { in: filter.organizationIds } });
  return { OR: anyOf };
}
