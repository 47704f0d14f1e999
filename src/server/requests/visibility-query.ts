import { Prisma } from "@/generated/prisma/client";
import { filterCoversOrganizations, type VisibleRequestsFilter } from "@/domain";

// The domain's visibility filter (`visibleRequestsFilter`) as the two query languages the data layer
// speaks: a Prisma `where` for Prisma queries and SQL for the raw list queries. Each alternative of
// the rule is written once, with both forms side by side, so they cannot drift apart;
// tests/integration/visibility-filter.test.ts runs both against the domain for every role.

interface Alternative {
  where: Prisma.RequestWhereInput;
  sql: Prisma.Sql;
}

/** The ways a request can be visible to a viewer who does not see them all. */
function alternatives(filter: Extract<VisibleRequestsFilter, { kind: "some" }>): Alternative[] {
  const requested: Alternative = { where: { requesterId: filter.requesterId }, sql: Prisma.sql`r."requesterId" = ${filter.requesterId}` };
  const ccd: Alternative = {
    where: { ccs: { some: { userId: filter.ccUserId } } },
    sql: Prisma.sql`r.id IN (SELECT "requestId" FROM "RequestCc" WHERE "userId" = ${filter.ccUserId})`,
  };
  if (filter.organizationIds.length === 0) return [requested, ccd];
  const organization: Alternative = {
    where: { organizationId: { in: filter.organizationIds } },
    sql: Prisma.sql`r."organizationId" IN (${Prisma.join(filter.organizationIds)})`,
  };
  return [requested, ccd, organization];
}

/** Lists and search: the requests a viewer sees directly. */
export function visibleRequestsWhere(filter: VisibleRequestsFilter): Prisma.RequestWhereInput {
  return filter.kind === "all" ? {} : { OR: alternatives(filter).map((alternative) => alternative.where) };
}

/** The same, for raw SQL over `"Request" r`. */
export function visibleRequestsSql(filter: VisibleRequestsFilter): Prisma.Sql {
  if (filter.kind === "all") return Prisma.sql`TRUE`;
  return Prisma.sql`(${Prisma.join(
    alternatives(filter).map((alternative) => alternative.sql),
    " OR ",
  )})`;
}

/**
 * The same, for a list already limited to `organizations`. When the viewer reads each of them in
 * full, every request of the list is visible by the rule's last alternative and the condition is
 * left out: stated again, it keeps the planner from reading the organizations' own index alone (the
 * status counts then read every counted request's row). Otherwise the whole condition stays.
 */
export function visibleRequestsSqlWithin(filter: VisibleRequestsFilter, organizations: readonly string[]): Prisma.Sql {
  return filterCoversOrganizations(filter, organizations) ? Prisma.empty : visibleRequestsSql(filter);
}

/**
 * A request opened by id (its page, its actions): visible directly, or linked by a merge to one that
 * is (the domain's `matchesFilterFollowingMergeLinks`).
 */
export function openableRequestsWhere(filter: VisibleRequestsFilter): Prisma.RequestWhereInput {
  const direct = visibleRequestsWhere(filter);
  if (filter.kind === "all") return direct;
  return { OR: [direct, { mergedInto: { is: direct } }, { mergedFrom: { some: direct } }] };
}
