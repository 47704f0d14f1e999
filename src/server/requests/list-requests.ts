import "server-only";
import { organizationsVisibleInFull, searchableCommentVisibilities, visibleRequestsFilter, type PriorityCode, type RequestStatus } from "@/domain";
import { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import type { Viewer } from "@/server/access/viewer";
import { encodeCursor, PAGE_SIZE, type ListCursor, type RequestListParams, type RequestScope } from "@/schemas/request-list";
import { buildSnippet, type Snippet } from "@/server/search/snippet";

// My Requests: one page of the viewer's requests in a scope, filtered, sorted and optionally
// searched, with keyset pagination. Raw SQL, because keyset pagination needs row-value comparison
// to start the index scan at the cursor (its cost does not grow with the page number) and full-text
// search needs PostgreSQL's operators. Every query is limited by the domain's visibility filter.
// Plans and timings on 200,000 requests: docs/PERFORMANCE.md.

export interface RequestListItem {
  id: number;
  subject: string;
  status: RequestStatus;
  priority: PriorityCode;
  createdAt: Date;
  lastActivityAt: Date;
  requesterName: string;
  /** Where a search matched, with the words to highlight. */
  match: { source: MatchSource; snippet: Snippet } | null;
}

export type MatchSource = "id" | "subject" | "description" | "reply" | "chat";

export interface RequestListPage {
  scope: RequestScope;
  /** The scopes this viewer has: Organization only with an active organization-level grant. */
  scopes: RequestScope[];
  items: RequestListItem[];
  nextCursor: string | null;
  previousCursor: string | null;
}

interface Row extends Omit<RequestListItem, "match"> {
  rank: number | null;
  source: "subject" | "reply" | "chat" | null;
  sourceText: string | null;
  subjectMatches: boolean | null;
}

export async function listRequests(db: Database, viewer: Pick<Viewer, "actor" | "now">, params: RequestListParams): Promise<RequestListPage> {
  const { actor, now } = viewer;
  const organizations = organizationsVisibleInFull(actor, now);
  const scopes: RequestScope[] = organizations.length > 0 ? ["mine", "ccd", "organization"] : ["mine", "ccd"];
  const scope = scopes.includes(params.scope) ? params.scope : "mine";

  const conditions: Prisma.Sql[] = [visibilitySql(viewer), scopeSql(scope, actor.userId, organizations)];
  // Compared as enums, not text, so that an index on the column can serve the filter.
  if (params.status.length > 0) conditions.push(Prisma.sql`r.status IN (${Prisma.join(params.status.map((status) => Prisma.sql`${status}::"RequestStatus"`))})`);
  if (params.priority.length > 0) conditions.push(Prisma.sql`r.priority IN (${Prisma.join(params.priority.map((priority) => Prisma.sql`${priority}::"Priority"`))})`);
  const where = Prisma.join(conditions, " AND ");

  const search = params.q.trim();
  // A request number in the search leads the first page and is left out of the ranked pages, so
  // paging neither drops nor repeats a row.
  const numberMatch = search ? await findByNumber(db, where, search) : null;
  const page = search
    ? await searchPage(db, where, search, actor.isAgent, numberMatch?.id, cursorOfKind(params.after, "number"), cursorOfKind(params.before, "number"))
    : await browsePage(db, where, params.sort, params.order, cursorOfKind(params.after, "date"), cursorOfKind(params.before, "date"));

  let items = page.rows.map((row) => toItem(row, search));
  if (numberMatch && page.previousCursor === null) items = [numberMatch, ...items];

  return { scope, scopes, items, nextCursor: page.nextCursor, previousCursor: page.previousCursor };
}

/** A cursor from the URL that does not fit this kind of list (edited by hand, or from a search) is ignored. */
function cursorOfKind(cursor: ListCursor | undefined, kind: "date" | "number"): ListCursor | undefined {
  if (!cursor) return undefined;
  if (kind === "number") return typeof cursor.v === "number" ? cursor : undefined;
  return typeof cursor.v === "string" && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(cursor.v) && !Number.isNaN(Date.parse(cursor.v)) ? cursor : undefined;
}

function visibilitySql({ actor, now }: Pick<Viewer, "actor" | "now">): Prisma.Sql {
  const filter = visibleRequestsFilter(actor, now);
  if (filter.kind === "all") return Prisma.sql`TRUE`;
  const organizations = filter.organizationIds.length > 0 ? Prisma.sql` OR r."organizationId" IN (${Prisma.join(filter.organizationIds)})` : Prisma.empty;
  return Prisma.sql`(r."requesterId" = ${filter.requesterId} OR r.id IN (SELECT "requestId" FROM "RequestCc" WHERE "userId" = ${filter.ccUserId})${organizations})`;
}

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

const selectColumns = Prisma.sql`r.id, r.subject, r.status::text AS status, r.priority::text AS priority, r."createdAt", r."lastActivityAt", u.name AS "requesterName"`;

async function browsePage(
  db: Database,
  where: Prisma.Sql,
  sort: "activity" | "created",
  order: "desc" | "asc",
  after: ListCursor | undefined,
  before: ListCursor | undefined,
) {
  const column = sort === "activity" ? Prisma.raw(`r."lastActivityAt"`) : Prisma.raw(`r."createdAt"`);
  // Going back a page reads the other way from the cursor, then restores the order.
  const backwards = !after && before !== undefined;
  const cursor = after ?? before;
  const descending = (order === "desc") !== backwards;
  const keyset = cursor
    ? Prisma.sql` AND (${column}, r.id) ${Prisma.raw(descending ? "<" : ">")} (${String(cursor.v)}::timestamp, ${cursor.id})`
    : Prisma.empty;
  const direction = Prisma.raw(descending ? "DESC" : "ASC");
  const rows = await db.$queryRaw<Row[]>`
    SELECT ${selectColumns}, NULL::float8 AS rank, NULL AS source, NULL AS "sourceText", NULL::boolean AS "subjectMatches"
    FROM "Request" r JOIN "User" u ON u.id = r."requesterId"
    WHERE ${where}${keyset}
    ORDER BY ${column} ${direction}, r.id ${direction}
    LIMIT ${PAGE_SIZE + 1}`;
  const keyOf = (row: Row) => ({ v: (sort === "activity" ? row.lastActivityAt : row.createdAt).toISOString(), id: row.id });
  return paginate(rows, backwards, cursor !== undefined, keyOf);
}

async function searchPage(
  db: Database,
  where: Prisma.Sql,
  search: string,
  isAgent: boolean,
  excludedId: number | undefined,
  after: ListCursor | undefined,
  before: ListCursor | undefined,
) {
  const visibilities = searchableCommentVisibilities({ userId: "", isAgent, memberships: [], grants: [] });
  const backwards = !after && before !== undefined;
  const cursor = after ?? before;
  const rank = Prisma.sql`round(ts_rank(r."documentVector", query.q)::numeric, 8)::float8`;
  const keyset = cursor ? Prisma.sql` AND (${rank}, r.id) ${Prisma.raw(backwards ? ">" : "<")} (${Number(cursor.v)}::float8, ${cursor.id})` : Prisma.empty;
  const excluded = excludedId ? Prisma.sql` AND r.id <> ${excludedId}` : Prisma.empty;
  const direction = Prisma.raw(backwards ? "ASC" : "DESC");
  // One search document per request (subject, description, public replies, chats) is looked up
  // together with the scope's own index and ranked; only for the page's rows is the best matching
  // part found, for the snippet. NOT MATERIALIZED lets the planner see the words it searches for.
  const rows = await db.$queryRaw<Row[]>`
    WITH query AS NOT MATERIALIZED (SELECT portico_search_query(${search}) AS q),
    page AS (
      SELECT r.id, ${rank} AS rank
      FROM "Request" r, query
      WHERE r."documentVector" @@ query.q AND ${where}${excluded}${keyset}
      ORDER BY rank ${direction}, r.id ${direction}
      LIMIT ${PAGE_SIZE + 1}
    )
    SELECT ${selectColumns}, page.rank, best.source, best.text AS "sourceText",
      portico_search_vector(r.subject) @@ query.q AS "subjectMatches"
    FROM page JOIN "Request" r ON r.id = page.id JOIN "User" u ON u.id = r."requesterId" CROSS JOIN query
    LEFT JOIN LATERAL (
      SELECT 'subject' AS source, CASE WHEN portico_search_vector(r.subject) @@ query.q THEN r.subject ELSE left(r.description, 4000) END AS text,
        ts_rank(r."searchVector", query.q) AS rank
      WHERE r."searchVector" @@ query.q
      UNION ALL
      SELECT 'reply', left(m.body, 4000), 0.8 * ts_rank(m."searchVector", query.q)
      FROM "Comment" m WHERE m."requestId" = r.id AND m."searchVector" @@ query.q AND m.visibility::text IN (${Prisma.join(visibilities)})
      UNION ALL
      SELECT 'chat', left(m.body, 4000), 0.8 * ts_rank(m."searchVector", query.q)
      FROM "ChatSession" s JOIN "ChatMessage" m ON m."sessionId" = s.id WHERE s."requestId" = r.id AND m."searchVector" @@ query.q
      ORDER BY rank DESC LIMIT 1
    ) best ON TRUE
    ORDER BY page.rank ${direction}, r.id ${direction}`;
  return paginate(rows, backwards, cursor !== undefined, (row) => ({ v: row.rank ?? 0, id: row.id }));
}

/** One page of rows read with one extra (to know whether more follow), and the cursors around it. */
export function paginate<T>(rows: T[], backwards: boolean, hasCursor: boolean, keyOf: (row: T) => ListCursor) {
  const hasMore = rows.length > PAGE_SIZE;
  const pageRows = rows.slice(0, PAGE_SIZE);
  if (backwards) pageRows.reverse();
  const first = pageRows[0];
  const last = pageRows.at(-1);
  // Forward: more after if we read an extra row; earlier pages exist if we came by a cursor.
  const nextCursor = last && (backwards ? hasCursor : hasMore) ? encodeCursor(keyOf(last)) : null;
  const previousCursor = first && (backwards ? hasMore : hasCursor) ? encodeCursor(keyOf(first)) : null;
  return { rows: pageRows, nextCursor, previousCursor };
}

function toItem(row: Row, search: string): RequestListItem {
  let match: RequestListItem["match"] = null;
  if (search && row.source && row.sourceText !== null) {
    const source: MatchSource = row.source === "subject" ? (row.subjectMatches ? "subject" : "description") : row.source;
    match = { source, snippet: buildSnippet(row.sourceText, search) };
  }
  const { id, subject, status, priority, createdAt, lastActivityAt, requesterName } = row;
  return { id, subject, status, priority, createdAt, lastActivityAt, requesterName, match };
}

/** "1234" or "#1234" finds that request, when the viewer may see it in this scope. */
async function findByNumber(db: Database, where: Prisma.Sql, search: string): Promise<RequestListItem | null> {
  const number = /^#?(\d{1,9})$/.exec(search)?.[1];
  if (!number) return null;
  const [row] = await db.$queryRaw<Row[]>`
    SELECT ${selectColumns} FROM "Request" r JOIN "User" u ON u.id = r."requesterId"
    WHERE r.id = ${Number(number)} AND ${where}`;
  if (!row) return null;
  return { ...toItem({ ...row, rank: null, source: null, sourceText: null, subjectMatches: null }, ""), match: { source: "id", snippet: [{ text: `#${row.id}`, highlight: true }] } };
}
