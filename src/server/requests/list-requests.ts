import "server-only";
import { organizationsVisibleInFull, searchableCommentVisibilities, visibleRequestsFilter, type PriorityCode, type RequestStatus } from "@/domain";
import { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { isTimestampCursor, type ListCursor } from "@/schemas/list-params";
import { requestListParamsSchema, type RequestListParams, type RequestScope } from "@/schemas/request-list";
import { and, bestMatchColumns, bestMatchJoin, enumIn, findByNumber, noMatchColumns, paginate, searchQuery, withMatch, type Match, type MatchColumns } from "./listing";
import { countView, type ViewCounts } from "./list-counts";
import { visibleRequestsSql } from "./visibility-query";

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

type Row = Omit<RequestListItem, "match"> & MatchColumns & { rank: number | null };

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
  const allStatuses = and(
    visibleRequestsSql(visibleRequestsFilter(actor, now)),
    scopeSql(scope, actor.userId, organizations),
    params.priority.length > 0 ? enumIn(Prisma.sql`r.priority`, params.priority, "Priority") : Prisma.empty,
  );
  const statusFilter = params.status.length > 0 ? enumIn(Prisma.sql`r.status`, params.status, "RequestStatus") : Prisma.empty;
  const where = and(allStatuses, statusFilter);

  const search = params.q;
  // A request number in the search leads the first page and is left out of the ranked pages, so
  // paging neither drops nor repeats a row.
  const numberMatch = search ? await findByNumber<Row>(db, list, where, search) : null;
  const page = search
    ? await searchPage(db, where, search, searchableCommentVisibilities(actor), numberMatch?.id, numberCursor(params.after), numberCursor(params.before), params.limit)
    : await browsePage(db, where, params.sort, params.order, dateCursor(params.after), dateCursor(params.before), params.limit);

  const items: RequestListItem[] = page.rows.map(({ rank, ...row }) => withMatch(row, search));
  if (numberMatch && page.previousCursor === null) items.unshift(numberMatch);

  const counted = () =>
    countView(db, {
      where: allStatuses,
      statusFilter,
      search,
      // The request a number names leads the first page whether or not its text matches: counted too.
      matches: search ? Prisma.sql`(r."documentVector" @@ query.q${numberMatch ? Prisma.sql` OR r.id = ${numberMatch.id}` : Prisma.empty})` : Prisma.empty,
      before: page.previousCursor === null ? null : rowsBefore(search, params.sort, params.order, page.rows[0]),
    });

  const { after, before, limit, ...view } = params;
  return {
    page: { view: { ...view, scope }, requestedScope: params.scope, scopes, items, nextCursor: page.nextCursor, previousCursor: page.previousCursor, onLaterPage: Boolean(after ?? before) },
    countView: counted,
  };
}

/** The rows ahead of `first` in the list's order (for where the page starts), as a condition over `r`. */
function rowsBefore(search: string, sort: "activity" | "created", order: "desc" | "asc", first: Row | undefined): Prisma.Sql | null {
  if (!first) return null;
  if (search) return Prisma.sql`(${searchRank}, r.id) > (${first.rank ?? 0}::float8, ${first.id})`;
  const column = sort === "activity" ? Prisma.raw(`r."lastActivityAt"`) : Prisma.raw(`r."createdAt"`);
  const value = (sort === "activity" ? first.lastActivityAt : first.createdAt).toISOString();
  return Prisma.sql`(${column}, r.id) ${Prisma.raw(order === "desc" ? ">" : "<")} (${value}::timestamp, ${first.id})`;
}

/** A cursor from the URL that does not fit this kind of list (edited by hand, or from a search) is ignored. */
const dateCursor = (cursor: ListCursor | undefined) => (cursor && isTimestampCursor(cursor) ? cursor : undefined);
const numberCursor = (cursor: ListCursor | undefined) => (cursor && typeof cursor.v === "number" ? cursor : undefined);

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

async function browsePage(
  db: Database,
  where: Prisma.Sql,
  sort: "activity" | "created",
  order: "desc" | "asc",
  after: ListCursor | undefined,
  before: ListCursor | undefined,
  pageSize: number,
) {
  const column = sort === "activity" ? Prisma.raw(`r."lastActivityAt"`) : Prisma.raw(`r."createdAt"`);
  // Going back a page reads the other way from the cursor, then restores the order.
  const backwards = !after && before !== undefined;
  const cursor = after ?? before;
  const descending = (order === "desc") !== backwards;
  const keyset = cursor ? Prisma.sql`(${column}, r.id) ${Prisma.raw(descending ? "<" : ">")} (${String(cursor.v)}::timestamp, ${cursor.id})` : Prisma.empty;
  const direction = Prisma.raw(descending ? "DESC" : "ASC");
  const rows = await db.$queryRaw<Row[]>`
    SELECT ${list.columns}, NULL::float8 AS rank, ${noMatchColumns}
    FROM "Request" r JOIN "User" u ON u.id = r."requesterId"
    WHERE ${and(where, keyset)}
    ORDER BY ${column} ${direction}, r.id ${direction}
    LIMIT ${pageSize + 1}`;
  const keyOf = (row: Row) => ({ v: (sort === "activity" ? row.lastActivityAt : row.createdAt).toISOString(), id: row.id });
  return paginate(rows, backwards, cursor !== undefined, keyOf, pageSize);
}

/** A row's search rank, rounded so that it survives the trip through a cursor. */
const searchRank = Prisma.sql`round(ts_rank(r."documentVector", query.q)::numeric, 8)::float8`;

async function searchPage(
  db: Database,
  where: Prisma.Sql,
  search: string,
  visibilities: ReturnType<typeof searchableCommentVisibilities>,
  excludedId: number | undefined,
  after: ListCursor | undefined,
  before: ListCursor | undefined,
  pageSize: number,
) {
  const backwards = !after && before !== undefined;
  const cursor = after ?? before;
  const rank = searchRank;
  const keyset = cursor ? Prisma.sql`(${rank}, r.id) ${Prisma.raw(backwards ? ">" : "<")} (${Number(cursor.v)}::float8, ${cursor.id})` : Prisma.empty;
  const excluded = excludedId ? Prisma.sql`r.id <> ${excludedId}` : Prisma.empty;
  const direction = Prisma.raw(backwards ? "ASC" : "DESC");
  // One search document per request (subject, description, public replies, chats) is looked up
  // together with the scope's own index and ranked; only for the page's rows is the best matching
  // part found, for the snippet.
  const rows = await db.$queryRaw<Row[]>`
    WITH ${searchQuery(search)},
    page AS (
      SELECT r.id, ${rank} AS rank
      FROM "Request" r, query
      WHERE ${and(Prisma.sql`r."documentVector" @@ query.q`, where, excluded, keyset)}
      ORDER BY rank ${direction}, r.id ${direction}
      LIMIT ${pageSize + 1}
    )
    SELECT ${list.columns}, page.rank, ${bestMatchColumns}
    FROM page JOIN ${list.joins} ${bestMatchJoin(visibilities)}
    ORDER BY page.rank ${direction}, r.id ${direction}`;
  return paginate(rows, backwards, cursor !== undefined, (row) => ({ v: row.rank ?? 0, id: row.id }), pageSize);
}
