// Candidate fixes for the My Requests queries, tried on the benchmark database only: each one
// rewrites the SQL that listRequests sends (standing for a change to list-requests.ts) and/or adds
// an index (standing for a migration) for the time of the measurement. `bench/queries.ts --variant
// <name>` measures a variant next to the unchanged query; docs/PERFORMANCE.md has the numbers.

export interface QueryVariant {
  name: string;
  summary: string;
  /** DDL run before measuring, undone by `teardown` afterwards: the database keeps the migrations' schema. */
  setup?: string[];
  teardown?: string[];
  /** Measure the queries the variant does not rewrite too: its index may change their plans. */
  measureUnchanged?: boolean;
  /** The variant's SQL; the same text when the variant does not concern this query. */
  rewrite(sql: string): string;
}

/** In list-requests.ts: `WITH query AS NOT MATERIALIZED (SELECT portico_search_query(${search}) AS q)`. */
const inlineQuery = (sql: string) => sql.replace("WITH query AS (", "WITH query AS NOT MATERIALIZED (");

/** In list-requests.ts: `r.status IN (${Prisma.join(params.status.map((status) => Prisma.sql`${status}::"RequestStatus"`))})`, same for priority. */
const enumFilters = (sql: string) =>
  sql
    .replace(/r\.status::text IN \(([^)]*)\)/, (_, list: string) => `r.status IN (${list.split(",").map((param) => `${param.trim()}::"RequestStatus"`).join(", ")})`)
    .replace(/r\.priority::text IN \(([^)]*)\)/, (_, list: string) => `r.priority IN (${list.split(",").map((param) => `${param.trim()}::"Priority"`).join(", ")})`);

const ORGANIZATION_INDEX_WITH_REQUESTER = `CREATE INDEX IF NOT EXISTS "bench_Request_organizationId_lastActivityAt_id_incl_idx" ON "Request" ("organizationId", "lastActivityAt" DESC, id DESC) INCLUDE ("requesterId")`;
const OPEN_REQUESTS_INDEX = `CREATE INDEX IF NOT EXISTS "bench_Request_organizationId_unsolved_idx" ON "Request" ("organizationId", "lastActivityAt" DESC, id DESC) WHERE status <> 'solved'`;

// One search document per request: subject (A), description (B), public replies and chat messages
// (C). Prototyped as a table beside "Request" holding the columns the visibility filter reads; in
// the app it would be a "Request" column kept by the Comment and ChatMessage triggers. Built once
// (about a minute) and kept in the benchmark's own schema.
const DOCUMENT_SETUP = [
  "CREATE OR REPLACE AGGREGATE bench.tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector)",
  `CREATE TABLE IF NOT EXISTS bench.request_document AS
   SELECT r.id, r."requesterId", r."organizationId",
     r."searchVector" || setweight(coalesce(c.v, ''::tsvector), 'C') || setweight(coalesce(ch.v, ''::tsvector), 'C') AS document
   FROM "Request" r
   LEFT JOIN (SELECT "requestId", bench.tsvector_agg("searchVector") AS v FROM "Comment" WHERE visibility = 'public' GROUP BY 1) c ON c."requestId" = r.id
   LEFT JOIN (SELECT s."requestId", bench.tsvector_agg(m."searchVector") AS v FROM "ChatMessage" m JOIN "ChatSession" s ON s.id = m."sessionId" GROUP BY 1) ch ON ch."requestId" = r.id`,
  `CREATE UNIQUE INDEX IF NOT EXISTS request_document_id ON bench.request_document (id)`,
  `CREATE INDEX IF NOT EXISTS request_document_organization ON bench.request_document ("organizationId")`,
  `CREATE INDEX IF NOT EXISTS request_document_requester ON bench.request_document ("requesterId")`,
  `CREATE INDEX IF NOT EXISTS request_document_search ON bench.request_document USING GIN (document)`,
  "ANALYZE bench.request_document",
];

/**
 * The search as one GIN lookup on the per-request documents, ANDed with the scope's index; the
 * match's source and text are then found for the page's rows only. First pages only (no cursor).
 */
function documentSearch(sql: string): string {
  const where = /candidates AS MATERIALIZED \(SELECT r\.id FROM "Request" r WHERE (.*)\),\n/.exec(sql)?.[1];
  const visibility = /m\.visibility::text IN \([^)]*\)/.exec(sql)?.[0];
  const limit = /LIMIT (\$\d+)\s*$/.exec(sql)?.[1];
  if (!where || !visibility || !limit || !sql.includes("WHERE TRUE\n")) return sql;
  return `WITH query AS NOT MATERIALIZED (SELECT portico_search_query($1) AS q),
    page AS (
      SELECT r.id, round(ts_rank(r.document, query.q)::numeric, 8)::float8 AS rank
      FROM bench.request_document r, query
      WHERE r.document @@ query.q AND ${where}
      ORDER BY rank DESC, r.id DESC
      LIMIT ${limit}
    )
    SELECT r.id, r.subject, r.status::text AS status, r.priority::text AS priority, r."createdAt", r."lastActivityAt", u.name AS "requesterName", page.rank, best.source,
      best.text AS "sourceText", portico_search_vector(r.subject) @@ query.q AS "subjectMatches"
    FROM page JOIN "Request" r ON r.id = page.id JOIN "User" u ON u.id = r."requesterId", query,
    LATERAL (
      SELECT 'subject' AS source, CASE WHEN portico_search_vector(r.subject) @@ query.q THEN r.subject ELSE left(r.description, 4000) END AS text, ts_rank(r."searchVector", query.q) AS rank
      WHERE r."searchVector" @@ query.q
      UNION ALL
      SELECT 'reply', left(m.body, 4000), 0.8 * ts_rank(m."searchVector", query.q)
      FROM "Comment" m WHERE m."requestId" = r.id AND m."searchVector" @@ query.q AND ${visibility}
      UNION ALL
      SELECT 'chat', left(m.body, 4000), 0.8 * ts_rank(m."searchVector", query.q)
      FROM "ChatSession" s JOIN "ChatMessage" m ON m."sessionId" = s.id WHERE s."requestId" = r.id AND m."searchVector" @@ query.q
      ORDER BY rank DESC LIMIT 1
    ) best
    ORDER BY page.rank DESC, r.id DESC`;
}

export const VARIANTS: QueryVariant[] = [
  {
    name: "inline-query",
    summary:
      "The search's `query` CTE NOT MATERIALIZED: the tsquery becomes a constant the planner can fold and estimate, instead of an opaque CTE value estimated at a few rows.",
    rewrite: inlineQuery,
  },
  {
    name: "inline-query-covering",
    summary:
      'inline-query, plus `INCLUDE ("requesterId")` on the organization index, so that the candidates of the Organization scope (visibility filter included) come from an index-only scan instead of one heap visit per request.',
    setup: [ORGANIZATION_INDEX_WITH_REQUESTER, "ANALYZE \"Request\""],
    teardown: [`DROP INDEX IF EXISTS "bench_Request_organizationId_lastActivityAt_id_incl_idx"`],
    measureUnchanged: true,
    rewrite: inlineQuery,
  },
  {
    name: "enum-filters",
    summary: "Status and priority compared as enums (no `::text` cast on the column), with a partial index of the unsolved requests per organization.",
    setup: [OPEN_REQUESTS_INDEX, "ANALYZE \"Request\""],
    teardown: [`DROP INDEX IF EXISTS "bench_Request_organizationId_unsolved_idx"`],
    rewrite: enumFilters,
  },
  {
    name: "request-document",
    summary:
      "One search document per request (subject, description, public replies, chat messages) with one GIN index, searched together with the scope's own index (BitmapAnd); the match's source is looked up for the page's 25 rows only. Prototype table `bench.request_document`, kept in the benchmark database.",
    setup: DOCUMENT_SETUP,
    rewrite: documentSearch,
  },
];
