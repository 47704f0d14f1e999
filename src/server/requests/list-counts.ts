import "server-only";
import { REQUEST_STATUSES, type RequestStatus } from "@/domain";
import { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import { and, searchQuery } from "./listing";

// How many requests a My Requests view holds, for "1–25 of 312" and the counts on the status tabs.
// Each count reads at most COUNT_BOUND + 1 index entries (a LIMIT inside the count), on the same
// indexes as the page itself, so a count never costs more than a few pages, however large the scope.
// Past the bound the total is the planner's estimate (EXPLAIN, nothing read), shown as "about";
// a status tab says "1,000+". A search counts only to SEARCH_COUNT_BOUND: each count tests every
// request it reads against the search, and past a hundred matches the tab says "100+".
// Plans and timings: docs/PERFORMANCE.md ("My Requests' counts").

export const COUNT_BOUND = 1000;
export const SEARCH_COUNT_BOUND = 100;

/** A number of requests: exact, or (past the bound) an estimate. */
export interface ListCount {
  count: number;
  exact: boolean;
}

export interface ViewCounts {
  /** Every request of the view (scope, filters, search). */
  total: ListCount;
  /** The rows before the page's first row, when within the bound; null past it. */
  before: number | null;
  /** Each status's requests, with the view's other choices (scope, priority, search) kept. */
  statuses: Record<RequestStatus, ListCount>;
}

/** A bounded count as read: exact up to the bound, else "at least the bound". */
export function boundedCount(counted: number, bound = COUNT_BOUND): ListCount {
  return counted > bound ? { count: bound, exact: false } : { count: counted, exact: true };
}

/**
 * The view's counts. `where` holds the visibility, scope and priority conditions over `r`;
 * `statusFilter` the view's status condition (Prisma.empty for all); `matches` the search's
 * condition (using `query.q`) when searching; `before` the rows ahead of the page's first row;
 * `rareMatches` that the page had to look past its first requests for its matches (they are few,
 * and the search index reads them best).
 */
export async function countView(
  db: Database,
  view: { where: Prisma.Sql; statusFilter: Prisma.Sql; search: string; matches: Prisma.Sql; before: Prisma.Sql | null; rareMatches?: boolean },
): Promise<ViewCounts> {
  const from = view.search ? Prisma.sql`"Request" r, query` : Prisma.sql`"Request" r`;
  const bound = view.search ? SEARCH_COUNT_BOUND : COUNT_BOUND;
  const withQuery = view.search ? Prisma.sql`WITH ${searchQuery(view.search)}` : Prisma.empty;
  const sets: [string, Prisma.Sql[]][] = [
    ["total", [view.statusFilter]],
    ...(view.before ? [["before", [view.statusFilter, view.before]] as [string, Prisma.Sql[]]] : []),
    ...REQUEST_STATUSES.map((status): [string, Prisma.Sql[]] => [status, [Prisma.sql`r.status = ${status}::"RequestStatus"`]]),
  ];
  const bounded = (conditions: Prisma.Sql[]) =>
    Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM ${from} WHERE ${whereOf(and(view.where, view.matches, ...conditions))} LIMIT ${bound + 1}) counted)`;
  const counted = view.search && !view.rareMatches ? await countSearchMatches(db, view, sets, bounded) : await countAll(db, withQuery, sets, bounded);
  const total = boundedCount(counted.get("total") ?? 0, bound);
  const before = counted.get("before") ?? null;
  return {
    total: total.exact ? total : { count: Math.max(bound, await estimate(db, withQuery, from, and(view.where, view.matches, view.statusFilter))), exact: false },
    before: before === null ? (view.before ? null : 0) : before > bound ? null : before,
    statuses: Object.fromEntries(REQUEST_STATUSES.map((status) => [status, boundedCount(counted.get(status) ?? 0, bound)])) as Record<RequestStatus, ListCount>,
  };
}

type CountSql = (conditions: Prisma.Sql[]) => Prisma.Sql;

/** Every bounded count in one statement, each read from the index that fits its conditions. */
async function countAll(db: Database, withQuery: Prisma.Sql, sets: [string, Prisma.Sql[]][], bounded: CountSql): Promise<Map<string, number>> {
  const [row] = await db.$queryRaw<Record<string, number>[]>`${withQuery} SELECT ${Prisma.join(sets.map(([name, conditions]) => Prisma.sql`${bounded(conditions)} AS ${Prisma.raw(`"${name}"`)}`))}`;
  return new Map(sets.map(([name]) => [name, row?.[name] ?? 0]));
}

/**
 * How many requests a search's count tests one by one before it asks the search index instead: a
 * word in more than one request in twenty-five reaches "100+" within them.
 */
export const SEARCH_COUNT_WALK = 2_500;

/**
 * A search's counts where its page found its matches close together (`rareMatches` false), each as a
 * walk: the count's requests tested in turn, up to SEARCH_COUNT_WALK of them, until the bound is
 * passed. Where the walk covered every request of the count, or passed the bound, that is the answer;
 * only a count with few matches among many requests is read through the search index (countAll),
 * where its matches are few. PostgreSQL cannot choose this itself: it estimates a
 * phrase (a Korean word) far too rare, and read every candidate of the search index for each count.
 */
async function countSearchMatches(
  db: Database,
  view: { where: Prisma.Sql; search: string; matches: Prisma.Sql },
  sets: [string, Prisma.Sql[]][],
  bounded: CountSql,
): Promise<Map<string, number>> {
  const requests = (conditions: Prisma.Sql[]) => Prisma.sql`SELECT r.id FROM "Request" r WHERE ${whereOf(and(view.where, ...conditions))} LIMIT ${SEARCH_COUNT_WALK}`;
  // Each walked request's document, read by its id: left to choose, the planner read an organization's
  // first requests by scanning the whole table, ~20,000 wide rows for 2,000 of its own.
  const documents = Prisma.sql`CROSS JOIN LATERAL (SELECT d.id, d."documentVector" FROM "Request" d WHERE d.id = walk.id OFFSET 0) r`;
  const columns = sets.flatMap(([, conditions], index) => [
    Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM (${requests(conditions)}) walk ${documents}, query WHERE ${view.matches} LIMIT ${SEARCH_COUNT_BOUND + 1}) found) AS ${Prisma.raw(`found${index}`)}`,
    Prisma.sql`(SELECT count(*)::int FROM (${requests(conditions)}) walked) AS ${Prisma.raw(`walked${index}`)}`,
  ]);
  const [row] = await db.$queryRaw<Record<string, number>[]>`WITH ${searchQuery(view.search)} SELECT ${Prisma.join(columns)}`;
  const counted = new Map<string, number>();
  const unsettled: [string, Prisma.Sql[]][] = [];
  sets.forEach(([name, conditions], index) => {
    const found = row?.[`found${index}`] ?? 0;
    if (found > SEARCH_COUNT_BOUND || (row?.[`walked${index}`] ?? 0) < SEARCH_COUNT_WALK) counted.set(name, found);
    else unsettled.push([name, conditions]);
  });
  if (unsettled.length > 0) for (const [name, count] of await countAll(db, Prisma.sql`WITH ${searchQuery(view.search)}`, unsettled, bounded)) counted.set(name, count);
  return counted;
}

/** The planner's estimate of the rows matching `where`: read from the plan, no row is read. */
async function estimate(db: Database, withQuery: Prisma.Sql, from: Prisma.Sql, where: Prisma.Sql): Promise<number> {
  const [plan] = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`
    EXPLAIN (FORMAT JSON) ${withQuery} SELECT 1 FROM ${from} WHERE ${whereOf(where)}`;
  return Math.round(plan?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0);
}

const whereOf = (conditions: Prisma.Sql) => (conditions === Prisma.empty ? Prisma.sql`TRUE` : conditions);
