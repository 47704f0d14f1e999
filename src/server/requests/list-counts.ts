import "server-only";
import { REQUEST_STATUSES, type RequestStatus } from "@/domain";
import { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import { and, searchQuery } from "./listing";

// How many requests a My Requests view holds, for "1–25 of 312" and the counts on the status tabs.
// Each count reads at most COUNT_BOUND + 1 index entries (a LIMIT inside the count), on the same
// indexes as the page itself, so a count never costs more than a few pages, however large the scope.
// Past the bound the total is the planner's estimate (EXPLAIN, nothing read), shown as "about";
// a status tab says "1,000+". Plans and timings: docs/PERFORMANCE.md ("My Requests' counts").

export const COUNT_BOUND = 1000;

/** A number of requests: exact, or (past the bound) an estimate. */
export interface ListCount {
  count: number;
  exact: boolean;
}

export interface ViewCounts {
  /** Every request of the view (scope, filters, search). */
  total: ListCount;
  /** The rows before the page's first row, when at most COUNT_BOUND; null past it. */
  before: number | null;
  /** Each status's requests, with the view's other choices (scope, priority, search) kept. */
  statuses: Record<RequestStatus, ListCount>;
}

/** A bounded count as read: exact up to the bound, else "at least the bound". */
export function boundedCount(counted: number): ListCount {
  return counted > COUNT_BOUND ? { count: COUNT_BOUND, exact: false } : { count: counted, exact: true };
}

/**
 * The view's counts. `where` holds the visibility, scope and priority conditions over `r`;
 * `statusFilter` the view's status condition (Prisma.empty for all); `matches` the search's
 * condition (using `query.q`) when searching; `before` the rows ahead of the page's first row.
 */
export async function countView(
  db: Database,
  view: { where: Prisma.Sql; statusFilter: Prisma.Sql; search: string; matches: Prisma.Sql; before: Prisma.Sql | null },
): Promise<ViewCounts> {
  const from = view.search ? Prisma.sql`"Request" r, query` : Prisma.sql`"Request" r`;
  const withQuery = view.search ? Prisma.sql`WITH ${searchQuery(view.search)}` : Prisma.empty;
  const bounded = (...conditions: Prisma.Sql[]) =>
    Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM ${from} WHERE ${whereOf(and(view.where, view.matches, ...conditions))} LIMIT ${COUNT_BOUND + 1}) counted)`;
  const statusColumns = REQUEST_STATUSES.map((status) => Prisma.sql`${bounded(Prisma.sql`r.status = ${status}::"RequestStatus"`)} AS ${Prisma.raw(`"${status}"`)}`);
  const [row] = await db.$queryRaw<Record<string, number | null>[]>`
    ${withQuery}
    SELECT ${bounded(view.statusFilter)} AS total,
      ${view.before ? bounded(view.statusFilter, view.before) : Prisma.sql`NULL::int`} AS before,
      ${Prisma.join(statusColumns, ", ")}`;
  const total = boundedCount(row?.total ?? 0);
  const before = row?.before ?? null;
  return {
    total: total.exact ? total : { count: Math.max(COUNT_BOUND, await estimate(db, withQuery, from, and(view.where, view.matches, view.statusFilter))), exact: false },
    before: before === null ? (view.before ? null : 0) : before > COUNT_BOUND ? null : before,
    statuses: Object.fromEntries(REQUEST_STATUSES.map((status) => [status, boundedCount(row?.[status] ?? 0)])) as Record<RequestStatus, ListCount>,
  };
}

/** The planner's estimate of the rows matching `where`: read from the plan, no row is read. */
async function estimate(db: Database, withQuery: Prisma.Sql, from: Prisma.Sql, where: Prisma.Sql): Promise<number> {
  const [plan] = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`
    EXPLAIN (FORMAT JSON) ${withQuery} SELECT 1 FROM ${from} WHERE ${whereOf(where)}`;
  return Math.round(plan?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0);
}

const whereOf = (conditions: Prisma.Sql) => (conditions === Prisma.empty ? Prisma.sql`TRUE` : conditions);
