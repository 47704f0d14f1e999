import "server-only";
import { organizationsVisibleInFull, searchableCommentVisibilities, visibleRequestsFilter, type PriorityCode, type RequestStatus } from "@/domain";
import { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { isTimestampCursor, type ListCursor } from "@/schemas/list-params";
import { requestListParamsSchema, type RequestListParams, type RequestScope } from "@/schemas/request-list";
import { and, bestMatchColumns, bestMatchJoin, enumIn, findByNumber, noMatchColumns, paginate, SEARCH_WALK, searchQuery, withMatch, type Match, type MatchColumns } from "./listing";
import { countView, type ViewCounts } from "./list-counts";
import { visibleRequestsSql, visibleRequestsSqlWithin } from "./visibility-query";

// My Requests (docs/product.md §2): one page of the viewer's requests in a scope, filtered, sorted and
// optionally searched, with keyset pagination. Raw SQL, because keyset pagination needs row-value
// comparison to start the index scan at the cursor (its cost does not grow with the page number) and
// full-text search needs PostgreSQL's operators. Every query is limited by the domain's visibility
// filter. Plans and timings on 200,000 requests: docs/PERFORMANCE.md.

export interface RequestListItem {
  id: number;
  subject: string;
  status: RequestStatus;
  priority: PriorityCode;
  createdAt: Date;
  lastActivityAt: Date;
  requesterName: string;
  /** The request it was merged into: My Requests says "Solved · merged into #M" (docs/product.md §4.3). */
  mergedIntoId: number | null;
  match: Match | null;
}

/** The view the URL asked for, as read: the scope actually shown, the filters, the sort. */
export type RequestListView = Omit<RequestListParams, "after" | "before" | "limit">;

export interface RequestListPage {
  view: RequestListView;
  /** The scope the URL asked for; differs from `view.scope` when the viewer may not have it. */
  requestedScope: RequestScope;
  /** The scopes this viewer has: Organization only with an active organization-level grant. */
  scopes: RequestScope[];
  items: RequestListItem[];
  nextCursor: string | null;
  previousCursor: string | null;
  /** True when the URL carried a page cursor. */
  onLaterPage: boolean;
  /** How many requests the view holds, where the page starts, and each status's count (src/server/requests/list-counts.ts). */
  counts: ViewCounts;
}

type Row = Omit<RequestListItem, "match"> & MatchColumns;

const list = {
  columns: Prisma.sql`r.id, r.subject, r.status::text AS status, r.priority::text AS priority, r."createdAt", r."lastActivityAt", u.name AS "requesterName", r."mergedIntoId"`,
  joins: Prisma.sql`"Request" r ON r.id = page.id JOIN "User" u ON u.id = r."requesterId"`,
};

/** A page as a caller that shows no counts reads it (the Requests API). */
export type UncountedRequestListPage = Omit<RequestListPage, "counts">;

export const listRequests = defineUseCase({
  input: requestListParamsSchema,
  run: async (db: Database, viewer: Reader, params): Promise<{ ok: true; page: RequestListPage }> => {
    const { page, countView } = await readListPage(db, viewer, params);
    return { ok: true, page: { ...page, counts: await countView() } };
  },
});

/**
 * The same page without its counts, for callers that show none: the counts are up to seven bounded
 * scans of the view (one per status tab), which on a large organization cost more than the page.
 */
export const listRequestsUncounted = defineUseCase({
  input: requestListParamsSchema,
  run: async (db: Database, viewer: Reader, params): Promise<{ ok: true; page: UncountedRequestListPage }> => ({ ok: true, page: (await readListPage(db, viewer, params)).page }),
});

async function readListPage(db: Database, viewer: Reader, params: RequestListParams): Promise<{ page: UncountedRequestListPage; countView: () => Promise<ViewCounts> }> {
  const { actor, now } = viewer;
  const organizations = organizationsVisibleInFull(actor, now);
  const scopes: RequestScope[] = organizations.length > 0 ? ["mine", "ccd", "organization"] : ["mine", "ccd"];
  // Organization falls back to My requests without a grant; the page says so.
  const scope = scopes.includes(params.scope) ? params.scope : "mine";

  // The status filter apart: the status tabs count each status with the view's other choices.
  const visibility = visibleRequestsFilter(actor, now);
  const allStatuses = and(
    scope === "organization" ? visibleRequestsSqlWithin(visibility, organizations) : visibleRequestsSql(visibility),
    scopeSql(scope, actor.userId, organizations),
    params.priority.length > 0 ? enumIn(Prisma.sql`r.priority`, params.priority, "Priority") : Prisma.empty,
  );
  const statusFilter = params.status.length > 0 ? enumIn(Prisma.sql`r.status`, params.status, "RequestStatus") : Prisma.empty;
  const where = and(allStatuses, statusFilter);

  const search = params.q;
  // A request number in the search leads the first page and is left out of the pages that follow it,
  // so paging neither drops nor repeats a row.
  const numberMatch = search ? await findByNumber<Row>(db, list, where, search) : null;
  const [afterCursor, beforeCursor] = [dateCursor(params.after), dateCursor(params.before)];
  const page = search
    ? await searchPage(db, where, params.sort, params.order, search, searchableCommentVisibilities(actor), numberMatch?.id, afterCursor, beforeCursor, params.limit)
    : { ...(await browsePage(db, where, params.sort, params.order, afterCursor, beforeCursor, params.limit)), rareMatches: false };

  const items: RequestListItem[] = page.rows.map((row) => withMatch(row, search));
  if (numberMatch && page.previousCursor === null) items.unshift(numberMatch);

  const counted = () =>
    countView(db, {
      where: allStatuses,
      statusFilter,
      search,
      // The request a number names leads the first page whether or not its text matches: counted too.
      matches: search ? Prisma.sql`(r."documentVector" @@ query.q${numberMatch ? Prisma.sql` OR r.id = ${numberMatch.id}` : Prisma.empty})` : Prisma.empty,
      before: page.previousCursor === null ? null : rowsBefore(params.sort, params.order, page.rows[0]),
      rareMatches: page.rareMatches,
    });

  const { after, before, limit, ...view } = params;
  return {
    page: { view: { ...view, scope }, requestedScope: params.scope, scopes, items, nextCursor: page.nextCursor, previousCursor: page.previousCursor, onLaterPage: Boolean(after ?? before) },
    countView: counted,
  };
}

/** The rows ahead of `first` in the list's order (for where the page starts), as a condition over `r`. */
function rowsBefore(sort: "activity" | "created", order: "desc" | "asc", first: Row | undefined): Prisma.Sql | null {
  if (!first) return null;
  const key = keyOf(sort)(first);
  return Prisma.sql`(${sortColumn(sort)}, r.id) ${Prisma.raw(order === "desc" ? ">" : "<")} (${key.v}::timestamp, ${key.id})`;
}

/** A cursor from the URL that does not fit this list (edited by hand, or kept from before searches followed the list's order) is ignored. */
const dateCursor = (cursor: ListCursor | undefined) => (cursor && isTimestampCursor(cursor) ? cursor : undefined);

function scopeSql(scope: RequestScope, userId: string, organizations: string[]): Prisma.Sql {
  switch (scope) {
    case "mine":
      return Prisma.sql`r."requesterId" = ${userId}`;
    case "ccd":
      return Prisma.sql`r.id IN (SELECT "requestId" FROM "RequestCc" WHERE "userId" = ${userId})`;
    case "organization":
      return Prisma.sql`r."organizationId" IN (${Prisma.join(organizations)})`;
  }
}

/** The list's order and where a page starts in it: the sort column, the direction to read, and the cursor's row as a condition. */
function readingOrder(sort: "activity" | "created", order: "desc" | "asc", after: ListCursor | undefined, before: ListCursor | undefined) {
  const column = sortColumn(sort);
  // Going back a page reads the other way from the cursor, then restores the order.
  const backwards = !after && before !== undefined;
  const cursor = after ?? before;
  const descending = (order === "desc") !== backwards;
  const beyond = (key: ListCursor) => Prisma.sql`(${column}, r.id) ${Prisma.raw(descending ? "<" : ">")} (${String(key.v)}::timestamp, ${key.id})`;
  const direction = Prisma.raw(descending ? "DESC" : "ASC");
  return { column, backwards, cursor, beyond, direction, keyset: cursor ? beyond(cursor) : Prisma.empty, orderBy: Prisma.sql`ORDER BY ${column} ${direction}, r.id ${direction}` };
}

const sortColumn = (sort: "activity" | "created") => Prisma.raw(sort === "activity" ? `r."lastActivityAt"` : `r."createdAt"`);
const keyOf = (sort: "activity" | "created") => (row: Row) => ({ v: (sort === "activity" ? row.lastActivityAt : row.createdAt).toISOString(), id: row.id });

async function browsePage(
  db: Database,
  where: Prisma.Sql,
  sort: "activity" | "created",
  order: "desc" | "asc",
  after: ListCursor | undefined,
  before: ListCursor | undefined,
  pageSize: number,
) {
  const reading = readingOrder(sort, order, after, before);
  const rows = await db.$queryRaw<Row[]>`
    SELECT ${list.columns}, ${noMatchColumns}
    FROM "Request" r JOIN "User" u ON u.id = r."requesterId"
    WHERE ${and(where, reading.keyset)}
    ${reading.orderBy}
    LIMIT ${pageSize + 1}`;
  return paginate(rows, reading.backwards, reading.cursor !== undefined, keyOf(sort), pageSize);
}

/**
 * A search keeps the list's order (docs/product.md §2): its matches are the view's requests that
 * contain every searched word, newest activity first unless the viewer chose otherwise. Nothing is
 * ranked, so a page costs the same whatever the word: the view's requests are tested in order, from
 * its own index, until a page is found — for a common word after a few dozen — or SEARCH_WALK were
 * tested; past them the matches are few, and PostgreSQL reads them from the search index instead.
 * The page's rows then get their best matching part, for the snippet.
 */
async function searchPage(
  db: Database,
  where: Prisma.Sql,
  sort: "activity" | "created",
  order: "desc" | "asc",
  search: string,
  visibilities: ReturnType<typeof searchableCommentVisibilities>,
  excludedId: number | undefined,
  after: ListCursor | undefined,
  before: ListCursor | undefined,
  pageSize: number,
) {
  const reading = readingOrder(sort, order, after, before);
  const scope = and(where, excludedId ? Prisma.sql`r.id <> ${excludedId}` : Prisma.empty);
  const wanted = pageSize + 1;
  // The walk's own order carries through (no sort), so testing stops at the page's last match.
  const walked = await db.$queryRaw<{ id: number }[]>`
    WITH ${searchQuery(search)}
    SELECT walk.id FROM (
      SELECT r.id, ${reading.column} AS v, r."documentVector" FROM "Request" r WHERE ${and(scope, reading.keyset)} ${reading.orderBy} LIMIT ${SEARCH_WALK}
    ) walk
    WHERE walk."documentVector" @@ (SELECT q FROM query)
    ORDER BY walk.v ${reading.direction}, walk.id ${reading.direction}
    LIMIT ${wanted}`;
  const ids = walked.map((row) => row.id);
  let rareMatches = false;
  if (ids.length < wanted) {
    // The last request tested: none means the view ended within the walk, and every match was found.
    const [last] = await db.$queryRaw<{ v: Date; id: number }[]>`
      SELECT ${reading.column} AS v, r.id FROM "Request" r WHERE ${and(scope, reading.keyset)} ${reading.orderBy} OFFSET ${SEARCH_WALK - 1} LIMIT 1`;
    if (last) {
      rareMatches = true;
      const rest = await db.$queryRaw<{ id: number }[]>`
        WITH ${searchQuery(search)}
        SELECT r.id FROM "Request" r, query
        WHERE ${and(scope, reading.beyond({ v: last.v.toISOString(), id: last.id }), Prisma.sql`r."documentVector" @@ query.q`)}
        ${reading.orderBy}
        LIMIT ${wanted - ids.length}`;
      ids.push(...rest.map((row) => row.id));
    }
  }
  const rows =
    ids.length === 0
      ? []
      : await db.$queryRaw<Row[]>`
          WITH ${searchQuery(search)}, page AS (SELECT unnest(${ids}::int[]) AS id)
          SELECT ${list.columns}, ${bestMatchColumns}
          FROM page JOIN ${list.joins} ${bestMatchJoin(visibilities)}
          ${reading.orderBy}`;
  return { ...paginate(rows, reading.backwards, reading.cursor !== undefined, keyOf(sort), pageSize), rareMatches };
}
