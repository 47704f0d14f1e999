import "server-only";
import { dueRanges, slaState, UNSOLVED_STATUSES, visibleRequestsFilter, type PriorityCode, type RequestStatus, type SlaState } from "@/domain";
import { currentQueueView, QUEUE_VIEW_FILTERS, QUEUE_VIEWS, type QueueViewName } from "@/domain/queue-views";
import { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import { notFound } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { agentQueueParamsSchema, defaultOrder, type AgentQueueParams, type QueueSort } from "@/schemas/agent-queue";
import { isTimestampCursor, type ListCursor } from "@/schemas/list-params";
import {
  and,
  bestMatchColumns,
  bestMatchJoin,
  enumIn,
  findByNumber,
  noMatchColumns,
  PAGE_SIZE,
  paginate,
  SEARCH_WALK,
  searchHasPhrase,
  searchQuery,
  withMatch,
  type Match,
  type MatchColumns,
} from "./listing";
import { visibleRequestsSql } from "./visibility-query";

// The agent queue: every request, filtered, sorted by when support owes its next update (or by
// date), optionally searched — internal notes included — with keyset pagination. Raw SQL like My
// Requests (list-requests.ts), for row-value keyset comparison and PostgreSQL's full-text operators.

export interface QueueItem {
  id: number;
  subject: string;
  requesterName: string;
  organizationName: string;
  status: RequestStatus;
  priority: PriorityCode;
  assigneeName: string | null;
  createdAt: Date;
  lastActivityAt: Date;
  /** When support owes the requester its next update; null when nothing is owed. */
  responseDueAt: Date | null;
  slaState: SlaState;
  match: Match | null;
}

export interface AgentQueuePage {
  /** The view the URL asked for, as read. */
  view: Omit<AgentQueueParams, "after" | "before" | "start">;
  items: QueueItem[];
  nextCursor: string | null;
  previousCursor: string | null;
  onLaterPage: boolean;
  /** The order actually used: the sort's default unless the URL chose one. */
  order: "asc" | "desc";
  /** Every organization, by name, for the filters to list; null past LISTED_ORGANIZATIONS (the agent types part of a name instead). */
  organizations: OrganizationChoice[] | null;
  /** Where the organizations are not listed, the name of the one the URL's `organization` (an id, from an older link) filters by, for the text box to show. */
  organizationChosen?: string;
  /** The organizations whose name holds the typed part (the exact name alone when one has it), which the page is filtered by. */
  organizationsNamed?: { organizations: OrganizationChoice[]; more: boolean };
  agents: { id: string; name: string }[];
  /** How many requests the view holds: exact up to a cap, past it "more than" (`exact` false). */
  total: BoundedCount;
  /** Where this page starts in the view (1 for the first), as the page links carried it. */
  start: number;
  /** The saved views' counts (Mine, Unassigned, Breached, Due soon, All unsolved), whatever the filters, each capped like the total. */
  viewCounts: Record<QueueViewName, BoundedCount>;
}

export interface OrganizationChoice {
  id: string;
  name: string;
}

/**
 * The filters list the organizations up to this many. Past it the agent types part of a name: a list of
 * every customer on every queue page (and every live refresh of it) cost a third of the page's CPU at 500.
 */
export const LISTED_ORGANIZATIONS = 50;
/** How many of the organizations a typed name matches the page names; it is filtered by all of them. */
export const NAMED_ORGANIZATIONS = 20;

/** A count read only as far as its cap: past it, `count` is the cap and `exact` false ("more than"). */
export interface BoundedCount {
  count: number;
  exact: boolean;
}

/** Counting stops here: past it the page says "more than", which keeps the count a bounded read. */
export const EXACT_COUNT_CAP = 10_000;
/** A search's count reads matches in two places; it stops sooner. */
export const EXACT_SEARCH_COUNT_CAP = 1_000;

type Row = Omit<QueueItem, "match" | "slaState"> & MatchColumns;

/**
 * A slice of the queue that an index can read as one range, in the page's order. `owed` says it
 * holds only requests with a due time (true), only requests with nothing owed (false), or either.
 */
interface QueueRange {
  where: Prisma.Sql;
  owed?: boolean;
}

/**
 * A part of the page (see pageIds): its requests in the page's order. `walked` marks a phrase's
 * document half, whose `where` leaves out the phrase: its requests are tested for it in order (walkedRead).
 */
interface Part {
  where: Prisma.Sql;
  walked: boolean;
}

const DUE = Prisma.raw(`r."responseDueAt"`);

const list = {
  columns: Prisma.sql`r.id, r.subject, r.status::text AS status, r.priority::text AS priority, r."createdAt", r."lastActivityAt", r."responseDueAt",
    u.name AS "requesterName", o.name AS "organizationName", a.name AS "assigneeName"`,
  joins: Prisma.sql`"Request" r ON r.id = page.id
    JOIN "User" u ON u.id = r."requesterId"
    JOIN "Organization" o ON o.id = r."organizationId"
    LEFT JOIN "User" a ON a.id = r."assigneeId"`,
};

/** The queue, for agents; anyone else has none ("not found"). */
export const listQueue = defineUseCase({
  input: agentQueueParamsSchema,
  run: async (db: Database, viewer: Reader, params) => {
    const { actor, now } = viewer;
    if (!actor.isAgent) return notFound();

    const order = params.order ?? defaultOrder(params.sort);
    const statuses = params.status.length > 0 ? params.status : UNSOLVED_STATUSES;
    const named = params.organizationName ? await organizationsNamed(db, params.organizationName) : undefined;
    const filters = [visibleRequestsSql(visibleRequestsFilter(actor, now)), ...filterConditions(params, actor.userId), named?.where ?? Prisma.empty];
    const sla = params.sla ? dueRanges(params.sla, now).map(toQueueRange) : [{ where: Prisma.empty }];
    const search = params.q;
    const numberMatch = search ? await findByNumber<Row>(db, list, and(enumIn(Prisma.sql`r.status`, statuses, "RequestStatus"), ...filters, anyOf(sla)), search) : null;
    const phrase = search !== undefined && searchHasPhrase(search);

    const backwards = !params.after && params.before !== undefined;
    const cursor = validCursor(params.after ?? params.before, params.sort);
    const descending = (order === "desc") !== backwards;
    const column = sortColumn(params.sort);
    const direction = Prisma.raw(descending ? "DESC" : "ASC");
    const ranges = intersect(keyRanges(params.sort, column, cursor, descending), sla);

    // Every status's share of every range is a part of its own, which the (status, sort column, id)
    // index holds in the page's order: a page costs about a page of index entries per part, at any
    // depth, where one ORDER BY over a list of statuses sorted every unsolved request. A search splits
    // each part in two, one per place a word can be found (see searchMatches).
    const excluded = numberMatch ? Prisma.sql`r.id <> ${numberMatch.id}` : Prisma.empty;
    const parts = statuses.flatMap((status) =>
      ranges.flatMap((range) => {
        const part = and(Prisma.sql`r.status = ${status}::"RequestStatus"`, ...filters, excluded, range.where);
        return search ? searchHalves(part, phrase) : [{ where: part, walked: false }];
      }),
    );

    const counted = and(enumIn(Prisma.sql`r.status`, statuses, "RequestStatus"), ...filters, excluded, anyOf(sla));
    const viewTotal = countView(db, counted, search);
    // A page that is exactly a saved view (the default one, All unsolved, most often) has that view's count as its total.
    const savedView = currentQueueView(params);
    const [rows, organizations, agents, total, viewCounts] = await Promise.all([
      db.$queryRaw<Row[]>`
        WITH ${search ? Prisma.sql`${searchQuery(search)},` : Prisma.empty} ${phrase ? Prisma.sql`${notedRequests},` : Prisma.empty} page AS (${pageIds(parts, column, direction, Boolean(search))})
        SELECT ${list.columns}, ${search ? bestMatchColumns : noMatchColumns}
        FROM page JOIN ${list.joins} ${search ? bestMatchJoin(["public", "internal"]) : Prisma.empty}
        ORDER BY ${column} ${direction}, r.id ${direction}`,
      db.organization.findMany({ select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: LISTED_ORGANIZATIONS + 1 }),
      db.user.findMany({ where: { isAgent: true }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
      viewTotal,
      countSavedViews(db, actor.userId, now, savedView ? { [savedView]: viewTotal } : {}),
    ]);

    const listed = organizations.length <= LISTED_ORGANIZATIONS;
    const chosen = !listed && params.organization ? await db.organization.findUnique({ where: { id: params.organization }, select: { name: true } }) : null;
    const page = paginate(rows, backwards, cursor !== undefined, (row) => ({ v: keyOf(row, params.sort), id: row.id }));
    const toItem = (row: Omit<QueueItem, "slaState">): QueueItem => ({ ...row, slaState: slaState(row.responseDueAt, now) });
    const items = page.rows.map((row) => toItem(withMatch(row, search)));
    if (numberMatch && page.previousCursor === null) items.unshift(toItem(numberMatch));
    const { after, before, start, ...view } = params;
    const queue: AgentQueuePage = {
      view,
      items,
      nextCursor: page.nextCursor,
      previousCursor: page.previousCursor,
      onLaterPage: Boolean(after ?? before),
      order,
      organizations: listed ? organizations : null,
      ...(chosen && { organizationChosen: chosen.name }),
      ...(named && { organizationsNamed: { organizations: named.organizations, more: named.more } }),
      agents,
      total: numberMatch ? { ...total, count: total.count + 1 } : total,
      start,
      viewCounts,
    };
    return { ok: true as const, queue };
  },
});

/**
 * The ids of the page (and one more): the first rows of every part in the page's order, then the
 * first of those. Each part has its own ORDER BY and LIMIT so that it is read from its index in
 * order and only as far as a page; without them PostgreSQL reads every part whole and sorts it.
 * A search's parts overlap (a request can match in its document and in a note): UNION drops the
 * repeats, of at most a page per part.
 */
function pageIds(parts: Part[], column: Prisma.Sql, direction: Prisma.Sql, searching: boolean): Prisma.Sql {
  const firstRows = Prisma.sql`ORDER BY sort_key ${direction}, id ${direction} LIMIT ${PAGE_SIZE + 1}`;
  const from = searching ? Prisma.sql`"Request" r, query` : Prisma.sql`"Request" r`;
  const reads = parts.map((part) =>
    part.walked ? walkedRead(part.where, column, direction, firstRows) : Prisma.sql`(SELECT r.id, ${column} AS sort_key FROM ${from} WHERE ${part.where} ${firstRows})`,
  );
  return Prisma.sql`SELECT part.id FROM (${Prisma.join(reads, searching ? "\n        UNION " : "\n        UNION ALL ")}) part ${firstRows}`;
}

/**
 * Where a searched word can be: the request's search document, or one of its internal notes (which
 * that document leaves out), as the two halves of every part of the queue, each simple enough for the
 * planner to choose how to read it. For a common word it walks the part's (status, sort column, id)
 * index and tests each request, stopping after a page of matches (a few dozen entries); for a rare
 * one it reads the few matches from the search index and sorts them. (An OR of the two in one part
 * leaves the planner only the walk, which for a rare word tests every request of the part: 650 ms
 * over 200,000 requests. Reading all the search index's matches first, as one part, reads all
 * 173,000 matches of a common word: 1.6 s.) A phrase, such as a Korean word, is estimated far too
 * rare for the planner to walk: its parts are walked whole instead (see walkedRead).
 */
const searchMatches = {
  inDocument: Prisma.sql`r."documentVector" @@ query.q`,
  inNotes: Prisma.sql`r.id IN (SELECT n."requestId" FROM "Comment" n, query WHERE n.visibility = 'internal'::"CommentVisibility" AND n."searchVector" @@ query.q)`,
};

/**
 * The requests whose internal notes hold a phrase, for the walks that fall short (see walkedRead): a
 * statement reads them at most once, and only if one of its walks needs them. Read per part, the
 * planner looked up every noted request again for each status.
 */
const notedRequests = Prisma.sql`noted AS MATERIALIZED (
  SELECT DISTINCT n."requestId" AS id FROM "Comment" n, query WHERE n.visibility = 'internal'::"CommentVisibility" AND n."searchVector" @@ query.q)`;

/** A part's two halves (see searchMatches); a phrase's part is walked whole (see walkedRead). */
function searchHalves(part: Prisma.Sql, phrase: boolean): Part[] {
  if (phrase) return [{ where: part, walked: true }];
  return [searchMatches.inDocument, searchMatches.inNotes].map((match) => ({ where: and(part, match), walked: false }));
}

/**
 * A phrase's part, such as a Korean word's: the part's requests tested one by one in its order, up
 * to SEARCH_WALK, as My Requests' search does; a page of matches is usually among the first few
 * hundred. Each is tested in its search document, then in its own internal notes, read by the
 * request (their `@@` is the aggregate's, not a condition the notes' search index could answer, so
 * the planner cannot choose to read every note of the phrase instead). Left to itself the planner,
 * estimating a phrase far too rare, reads every candidate from the search indexes and rechecks each
 * (~100,000 documents for a Korean word's pieces on a million requests, ~55 ms a status, and ~22,000
 * internal notes, 110–170 ms). Only when the walk finds less than a page and the part goes on past it
 * are the search indexes read, the documents' for the part and the notes' once for the statement
 * (notedRequests): PostgreSQL tests those conditions once, before the second read.
 */
function walkedRead(where: Prisma.Sql, column: Prisma.Sql, direction: Prisma.Sql, firstRows: Prisma.Sql): Prisma.Sql {
  const pastTheWalk = Prisma.sql`(SELECT count(*) FROM walked) <= ${PAGE_SIZE} AND EXISTS (SELECT FROM "Request" r WHERE ${where} OFFSET ${SEARCH_WALK - 1})`;
  const read = (match: Prisma.Sql) => Prisma.sql`(SELECT r.id, ${column} AS sort_key FROM "Request" r, query WHERE ${where} AND ${match} AND ${pastTheWalk} ${firstRows})`;
  // The walk is read once: its rows, and how many they are for the second read's condition.
  return Prisma.sql`(
      WITH walked AS MATERIALIZED (
        SELECT walk.id, walk.sort_key FROM (
          SELECT r.id, ${column} AS sort_key, r."documentVector" FROM "Request" r WHERE ${where} ORDER BY ${column} ${direction}, r.id ${direction} LIMIT ${SEARCH_WALK}
        ) walk
        WHERE walk."documentVector" @@ (SELECT q FROM query)
          OR (SELECT coalesce(bool_or(n."searchVector" @@ (SELECT q FROM query)), false) FROM "Comment" n
              WHERE n."requestId" = walk.id AND n.visibility = 'internal'::"CommentVisibility")
        ${firstRows}
      )
      SELECT id, sort_key FROM walked
      UNION ALL ${read(searchMatches.inDocument)}
      UNION ALL ${read(Prisma.sql`r.id IN (SELECT id FROM noted)`)})`;
}

/**
 * How many requests the view holds, read only as far as the cap: every condition of the page but
 * the cursor. A search counts its two halves (see searchMatches), each stopping at the cap; the
 * internal notes are not read when the documents alone pass it (a common or Korean word's notes
 * would be read whole for nothing: 110–170 ms for a Korean word on a million requests).
 */
async function countView(db: Database, where: Prisma.Sql, search: string): Promise<BoundedCount> {
  const cap = search ? EXACT_SEARCH_COUNT_CAP : EXACT_COUNT_CAP;
  const base = where === Prisma.empty ? Prisma.sql`TRUE` : where;
  const limit = Prisma.sql`LIMIT ${cap + 1}`;
  const [row] = search
    ? await db.$queryRaw<{ n: number }[]>`
        WITH ${searchQuery(search)},
          in_documents AS MATERIALIZED (SELECT r.id FROM "Request" r, query WHERE ${base} AND ${searchMatches.inDocument} ${limit})
        SELECT count(*)::int AS n FROM (
          SELECT id FROM in_documents
          UNION (SELECT r.id FROM "Request" r, query WHERE ${base} AND ${searchMatches.inNotes} AND (SELECT count(*) FROM in_documents) <= ${cap} ${limit})
        ) matched`
    : await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM "Request" r WHERE ${base} ${limit}) counted`;
  return bounded(row?.n ?? 0, cap);
}

/** `counted` is how many rows a read that stopped past `cap` found. */
function bounded(counted: number, cap: number): BoundedCount {
  return counted > cap ? { count: cap, exact: false } : { count: counted, exact: true };
}

/**
 * The saved views' counts, each its one filter over the unsolved requests, counted as that view's own
 * page counts its total: one index range read as far as the cap — Mine and Unassigned on (assignee,
 * status), Breached and Due soon on (status, due time), All unsolved on status. Agents see every
 * request. Uncapped, All unsolved alone read every unsolved request's index entry on every queue page.
 * `counting` holds the counts already under way: the page's own total, when the page is one of the views.
 */
async function countSavedViews(
  db: Database,
  userId: string,
  now: Date,
  counting: Partial<Record<QueueViewName, Promise<BoundedCount>>>,
): Promise<Record<QueueViewName, BoundedCount>> {
  const unsolved = enumIn(Prisma.sql`r.status`, UNSOLVED_STATUSES, "RequestStatus");
  const counts = await Promise.all(
    QUEUE_VIEWS.map((name) => {
      const { assignee, sla } = QUEUE_VIEW_FILTERS[name];
      const counted = counting[name];
      if (counted) return counted;
      const conditions = [assignee ? assigneeCondition(assignee, userId) : Prisma.empty, sla ? anyOf(dueRanges(sla, now).map(toQueueRange)) : Prisma.empty];
      return countView(db, and(unsolved, ...conditions), "");
    }),
  );
  return Object.fromEntries(QUEUE_VIEWS.map((name, index) => [name, counts[index]!])) as Record<QueueViewName, BoundedCount>;
}

/** The filters besides status and service level, which shape the page's parts instead. */
function filterConditions(params: AgentQueueParams, userId: string): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (params.priority.length > 0) conditions.push(enumIn(Prisma.sql`r.priority`, params.priority, "Priority"));
  if (params.organization) conditions.push(Prisma.sql`r."organizationId" = ${params.organization}`);
  if (params.assignee) conditions.push(assigneeCondition(params.assignee, userId));
  return conditions;
}

/**
 * The organizations a typed part of a name picks: the ones named exactly so (any case) when there are,
 * else every one whose name holds it, of which the first NAMED_ORGANIZATIONS are named; `where` keeps
 * their requests. The part is found as plain text (strpos), so % and _ are themselves.
 */
async function organizationsNamed(db: Database, typed: string): Promise<{ organizations: OrganizationChoice[]; more: boolean; where: Prisma.Sql }> {
  const holding = Prisma.sql`strpos(lower(name), lower(${typed})) > 0`;
  const rows = await db.$queryRaw<(OrganizationChoice & { exact: boolean })[]>`
    SELECT id, name, lower(name) = lower(${typed}) AS exact FROM "Organization" WHERE ${holding}
    ORDER BY lower(name) = lower(${typed}) DESC, name, id LIMIT ${NAMED_ORGANIZATIONS + 1}`;
  const exact = rows.filter((row) => row.exact).map(({ id, name }) => ({ id, name }));
  if (exact.length > 0) return { organizations: exact, more: false, where: Prisma.sql`r."organizationId" IN (${Prisma.join(exact.map((organization) => organization.id))})` };
  return {
    organizations: rows.slice(0, NAMED_ORGANIZATIONS).map(({ id, name }) => ({ id, name })),
    more: rows.length > NAMED_ORGANIZATIONS,
    where: Prisma.sql`r."organizationId" IN (SELECT id FROM "Organization" WHERE ${holding})`,
  };
}

/** The assignee filter: "unassigned", "me" (the viewer) or an agent's id. */
function assigneeCondition(assignee: string, userId: string): Prisma.Sql {
  if (assignee === "unassigned") return Prisma.sql`r."assigneeId" IS NULL`;
  return Prisma.sql`r."assigneeId" = ${assignee === "me" ? userId : assignee}`;
}

/** One of the domain's due-time ranges as SQL, each an index range of its own ("fine" is two). */
function toQueueRange(range: ReturnType<typeof dueRanges>[number]): QueueRange {
  if (!range.owed) return { where: Prisma.sql`${DUE} IS NULL`, owed: false };
  const bound = (at: Date) => Prisma.sql`${at.toISOString()}::timestamp`;
  const where = and(range.after ? Prisma.sql`${DUE} > ${bound(range.after)}` : Prisma.empty, range.until ? Prisma.sql`${DUE} <= ${bound(range.until)}` : Prisma.empty);
  return { where: where === Prisma.empty ? Prisma.sql`${DUE} IS NOT NULL` : where, owed: true };
}

/** The column the queue is ordered by (then by id). */
function sortColumn(sort: QueueSort): Prisma.Sql {
  switch (sort) {
    case "due":
      return DUE;
    case "activity":
      return Prisma.raw(`r."lastActivityAt"`);
    case "created":
      return Prisma.raw(`r."createdAt"`);
  }
}

/**
 * What is left of the queue past the cursor, in the page's direction, as index ranges.
 *
 * Nothing owed sorts after every due time, as if due at "infinity" (which is what the cursor of
 * such a request says). A btree keeps NULLs just there, last ascending and first descending, so
 * the due time orders the queue as it is. Past a cursor the rest is two ranges, though, the owed
 * requests by (due time, id) and the nothing-owed ones by id, each with a keyset condition that an
 * index can start at. (Ordering by coalesce(…, 'infinity') keeps one range, but no plain index can
 * serve it.)
 */
function keyRanges(sort: QueueSort, column: Prisma.Sql, cursor: ListCursor | undefined, descending: boolean): QueueRange[] {
  if (!cursor) return [{ where: Prisma.empty }];
  const past = Prisma.raw(descending ? "<" : ">");
  if (sort !== "due") return [{ where: Prisma.sql`(${column}, r.id) ${past} (${String(cursor.v)}::timestamp, ${cursor.id})` }];

  if (cursor.v === "infinity") {
    // The cursor is among the nothing-owed requests: the rest of them, and backwards every owed one.
    const rest: QueueRange = { where: Prisma.sql`${DUE} IS NULL AND r.id ${past} ${cursor.id}`, owed: false };
    return descending ? [{ where: Prisma.sql`${DUE} IS NOT NULL`, owed: true }, rest] : [rest];
  }
  // The cursor is among the owed requests: the rest of them (a row comparison is never true for a
  // NULL due time), and forwards every nothing-owed one.
  const rest: QueueRange = { where: Prisma.sql`(${DUE}, r.id) ${past} (${String(cursor.v)}::timestamp, ${cursor.id})`, owed: true };
  return descending ? [rest] : [rest, { where: Prisma.sql`${DUE} IS NULL`, owed: false }];
}

/**
 * The ranges of requests both past the cursor and within the service-level filter. When there is
 * none (a cursor among the nothing-owed requests with a filter for owed ones), one that is empty.
 */
function intersect(positions: QueueRange[], filters: QueueRange[]): QueueRange[] {
  const ranges = positions.flatMap((position) =>
    filters.flatMap((filter) => {
      if (position.owed !== undefined && filter.owed !== undefined && position.owed !== filter.owed) return [];
      return [{ where: and(position.where, filter.where), owed: position.owed ?? filter.owed }];
    }),
  );
  return ranges.length > 0 ? ranges : [{ where: Prisma.sql`FALSE` }];
}

/** A request in any of the ranges, as one condition; Prisma.empty when a range has no condition. */
function anyOf(ranges: QueueRange[]): Prisma.Sql {
  if (ranges.some((range) => range.where === Prisma.empty)) return Prisma.empty;
  return Prisma.join(
    ranges.map((range) => range.where),
    ") OR (",
    "((",
    "))",
  );
}

function keyOf(row: Row, sort: QueueSort): string {
  switch (sort) {
    case "due":
      return row.responseDueAt?.toISOString() ?? "infinity";
    case "activity":
      return row.lastActivityAt.toISOString();
    case "created":
      return row.createdAt.toISOString();
  }
}

/** A cursor from the URL that does not fit this sort (edited by hand, or from another sort) is ignored. */
function validCursor(cursor: ListCursor | undefined, sort: QueueSort): ListCursor | undefined {
  if (!cursor || typeof cursor.v !== "string") return undefined;
  if (sort === "due" && cursor.v === "infinity") return cursor;
  return isTimestampCursor(cursor) ? cursor : undefined;
}
