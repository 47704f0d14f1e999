import { Prisma } from "@/generated/prisma/client";
import type { CommentVisibility } from "@/domain";
import type { Database } from "@/server/db/client";
import { DEFAULT_PAGE_SIZE, encodeCursor, type ListCursor } from "@/schemas/list-params";
import { keysetPage } from "@/server/keyset";
import { buildSnippet, type Snippet } from "./snippet";

// What My Requests and the agent queue share: pages of PAGE_SIZE rows read with one more (to know
// whether more follow) and keyset cursors around them; for a search, the part of each row's request
// that matched best, for its snippet; and a request number typed in the search, which leads the first
// page. Both lists read a page's ids first, then select their columns for those ids
// (`FROM page JOIN "Request" r ON r.id = page.id …`).

export const PAGE_SIZE = DEFAULT_PAGE_SIZE;

/**
 * How many of the view's requests, in its order from where the page starts, a search tests one by one
 * before it asks the search index for the rest. A word found in more than one request in forty fills
 * a page within them (a few dozen tested); a rarer one is read from the index, where it has few matches.
 */
export const SEARCH_WALK = 1_000;

/** Where a search matched: which part of the request, with the words to highlight. */
export type MatchSource = "id" | "subject" | "description" | "reply" | "internal" | "chat";
export interface Match {
  source: MatchSource;
  snippet: Snippet;
}

/** The columns `bestMatchColumns` adds to a row. */
export interface MatchColumns {
  source: "subject" | "reply" | "internal" | "chat" | null;
  sourceText: string | null;
  subjectMatches: boolean | null;
}

/** The search query, for `bestMatchJoin` and the lists' own conditions. NOT MATERIALIZED lets the planner see its words. */
export function searchQuery(search: string): Prisma.Sql {
  return Prisma.sql`query AS NOT MATERIALIZED (SELECT portico_search_query(${search}) AS q)`;
}

/**
 * Whether the search holds a phrase: a run of three or more Korean, Japanese or Chinese characters,
 * which `portico_search_query` turns into its overlapping pieces, each next to the last.
 */
export function searchHasPhrase(search: string): boolean {
  return /[가-힣ᄀ-ᇿ㄰-㆏ぁ-ヿ一-鿿]{3,}/u.test(search);
}

export const bestMatchColumns = Prisma.sql`best.source, best.text AS "sourceText", portico_search_vector(r.subject) @@ query.q AS "subjectMatches"`;
export const noMatchColumns = Prisma.sql`NULL AS source, NULL AS "sourceText", NULL::boolean AS "subjectMatches"`;

/**
 * The best matching part of each row's request: its subject or description (the search document),
 * a comment the viewer may search (internal notes only for agents), a chat line, or the name of a
 * file attached to one of those messages. Only the page's rows are looked at. A message is tested
 * against the search as a value the planner cannot see ((SELECT q FROM query)): seeing a phrase (a
 * Korean word) it estimated it rare and read all its matches in every message's search index for
 * each row (1.2 s a page), instead of the row's few messages.
 */
export function bestMatchJoin(visibilities: readonly CommentVisibility[]): Prisma.Sql {
  return Prisma.sql`CROSS JOIN query
    LEFT JOIN LATERAL (
      SELECT 'subject' AS source, CASE WHEN portico_search_vector(r.subject) @@ query.q THEN r.subject ELSE left(r.description, 4000) END AS text,
        ts_rank(r."searchVector", query.q) AS rank
      WHERE r."searchVector" @@ query.q
      UNION ALL
      SELECT CASE WHEN m.visibility = 'internal'::"CommentVisibility" THEN 'internal' ELSE 'reply' END, left(m.body, 4000), 0.8 * ts_rank(m."searchVector", query.q)
      FROM "Comment" m
      WHERE m."requestId" = r.id AND m."searchVector" @@ (SELECT q FROM query)
        AND m.visibility IN (${Prisma.join(visibilities.map((visibility) => Prisma.sql`${visibility}::"CommentVisibility"`))})
      UNION ALL
      SELECT 'chat', left(m.body, 4000), 0.8 * ts_rank(m."searchVector", query.q)
      FROM "ChatSession" s JOIN "ChatMessage" m ON m."sessionId" = s.id WHERE s."requestId" = r.id AND m."searchVector" @@ (SELECT q FROM query)
      UNION ALL
      -- A file's name, shown as a part of the message it is attached to (the description, or a comment).
      SELECT CASE WHEN a."commentId" IS NULL THEN 'subject' WHEN c.visibility = 'internal'::"CommentVisibility" THEN 'internal' ELSE 'reply' END,
        a."fileName", 0.7 * ts_rank(portico_file_name_vector(a."fileName"), query.q)
      FROM "Attachment" a LEFT JOIN "Comment" c ON c.id = a."commentId"
      WHERE a."requestId" = r.id AND a."attachedAt" IS NOT NULL AND portico_file_name_vector(a."fileName") @@ query.q
        AND (a."commentId" IS NULL OR c.visibility IN (${Prisma.join(visibilities.map((visibility) => Prisma.sql`${visibility}::"CommentVisibility"`))}))
      ORDER BY rank DESC LIMIT 1
    ) best ON TRUE`;
}

/** A row as its list shows it: the match columns turned into a snippet (none when not searching). */
export function withMatch<Row extends MatchColumns>(row: Row, search: string): Omit<Row, keyof MatchColumns> & { match: Match | null } {
  const { source, sourceText, subjectMatches, ...rest } = row;
  let match: Match | null = null;
  if (search && source && sourceText !== null) {
    match = { source: source === "subject" ? (subjectMatches ? "subject" : "description") : source, snippet: buildSnippet(sourceText, search) };
  }
  return { ...rest, match };
}

/** "1234" or "#1234": the request number a search names, if it names one. */
export function requestNumberIn(search: string): number | null {
  const number = /^#?(\d{1,9})$/.exec(search.trim())?.[1];
  return number ? Number(number) : null;
}

/**
 * The request a search names by number, as a row of its list, when it passes the list's conditions
 * (`where`, over `r`). `columns` and `joins` are the list's own: `SELECT columns FROM page JOIN joins`.
 */
export async function findByNumber<Row extends MatchColumns>(
  db: Database,
  list: { columns: Prisma.Sql; joins: Prisma.Sql },
  where: Prisma.Sql,
  search: string,
): Promise<(Omit<Row, keyof MatchColumns> & { match: Match }) | null> {
  const number = requestNumberIn(search);
  if (number === null) return null;
  const [row] = await db.$queryRaw<Row[]>`
    SELECT ${list.columns}, ${noMatchColumns}
    FROM (SELECT ${number}::int AS id) page JOIN ${list.joins}
    WHERE ${where}`;
  if (!row) return null;
  return { ...withMatch(row, ""), match: { source: "id", snippet: [{ text: `#${number}`, highlight: true }] } };
}

/** One page of rows read with one extra (to know whether more follow), and the cursors around it. */
export function paginate<T>(rows: T[], backwards: boolean, hasCursor: boolean, keyOf: (row: T) => ListCursor, pageSize = PAGE_SIZE) {
  return keysetPage(rows, { backwards, hasCursor }, (row) => encodeCursor(keyOf(row)), pageSize);
}

/** The conditions that are there (not Prisma.empty), joined by AND; Prisma.empty when none is. */
export function and(...conditions: Prisma.Sql[]): Prisma.Sql {
  const present = conditions.filter((condition) => condition !== Prisma.empty);
  return present.length > 0 ? Prisma.join(present, " AND ") : Prisma.empty;
}

/** Enum values compared as enums, not text, so that an index on the column can serve the filter. */
export function enumIn(column: Prisma.Sql, values: readonly string[], type: "RequestStatus" | "Priority"): Prisma.Sql {
  return Prisma.sql`${column} IN (${Prisma.join(values.map((value) => Prisma.sql`${value}::${Prisma.raw(`"${type}"`)}`))})`;
}
