// Creates (or reuses) the benchmark database: the migrations, the demo data, then a support desk's
// worth of bulk data written by set-based SQL (INSERT … SELECT over generate_series), so that a
// million requests and five million messages take minutes, not hours. The bulk load is a bulk load:
// - the texts come from pools of a few thousand per language, whose search vectors are computed once;
//   a row that is its pool entry as is reuses the entry's vector, and one with words added to it
//   gets its own — the vectors the app's triggers would compute;
// - triggers are off while loading (session_replication_role = replica: no per-row search trigger,
//   no foreign key checks — the rows are consistent by construction), and each request is written
//   once, with its search document (subject, description, public replies, chats) already built;
// - the secondary indexes are dropped first and built afterwards;
// - requests go in chunks, two at a time (one per core), with progress shown.
//
//   npx tsx bench/generate.ts [--requests 200000] [--reset] [--workers 2]
//
// BENCH_DATABASE_URL names the database (default postgresql://postgres@127.0.0.1:5432/portico_bench);
// it is created when missing, and dropped and created again with --reset.

import { parseArgs } from "node:util";
import pg from "pg";
import { runScript } from "../scripts/lib/run-script";
import { applyMigrations } from "../scripts/lib/schema-engine";
import { seedDatabase } from "../scripts/lib/seed";
import { benchDatabaseUrl, databaseName, ensureBenchDatabase, readBenchMeta, withClient } from "./lib/bench-database";
import { buildTextPools, FIRST_NAMES, KINDS, LAST_NAMES, PLACES, SEARCH_WORDS, type Language } from "./lib/words";

const DEFAULT_REQUESTS = 200_000;
const ORGANIZATIONS = 500;
/** Acme's share of all requests: carol's Organization scope is a big customer's. */
const ACME_SHARE = 0.1;
const GLOBEX_SHARE = 0.01;
const AGENTS = 40;
const POOL_SIZE = 3000;
const YEARS = 3;
/** Requests per chunk of the bulk load: small enough for steady progress, big enough for set-based SQL. */
const CHUNK = 25_000;
/** The tables the bulk load writes; their secondary indexes are built after it. */
const BULK_TABLES = ["Request", "Comment", "ChatSession", "ChatMessage", "RequestCc"];

/** Requests of the demo users, as shares of their organization's requests. */
const SEED_REQUESTERS: Record<"acme" | "globex", [string, number][]> = {
  acme: [
    ["seed-user-alice", 0.015],
    ["seed-user-bob", 0.003],
    ["seed-user-carol", 0.005],
    ["seed-user-dave", 0.002],
    ["seed-user-erin", 0.002],
  ],
  globex: [
    ["seed-user-gina", 0.03],
    ["seed-user-jiho", 0.02],
    ["seed-user-paolo", 0.01],
  ],
};

interface Organization {
  idx: number;
  id: string;
  name: string;
  slug: string;
  requests: number;
  users: number;
  /** Shares of Korean and Italian texts among the organization's requests; the rest is English. */
  ko: number;
  it: number;
}

/** Acme and Globex (from the demo data) plus 498 more, sized like a long tail of customers. */
function planOrganizations(total: number): Organization[] {
  const acme = Math.round(total * ACME_SHARE);
  const globex = Math.round(total * GLOBEX_SHARE);
  const others = ORGANIZATIONS - 2;
  const weights = Array.from({ length: others }, (_, i) => 1 / (i + 3));
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const rest = total - acme - globex;
  const sizes = weights.map((weight) => Math.max(1, Math.floor((rest * weight) / weightSum)));
  // Rounding leftovers go to the largest customer.
  sizes[0] = (sizes[0] ?? 0) + rest - sizes.reduce((sum, size) => sum + size, 0);
  const usersFor = (requests: number) => Math.min(300, Math.max(3, Math.round(Math.sqrt(requests) * 2)));
  const organizations: Organization[] = [
    { idx: 0, id: "seed-org-acme", name: "Acme Corporation", slug: "acme", requests: acme, users: usersFor(acme), ko: 0.05, it: 0.05 },
    { idx: 1, id: "seed-org-globex", name: "Globex", slug: "globex", requests: globex, users: usersFor(globex), ko: 0.1, it: 0.1 },
  ];
  sizes.forEach((requests, i) => {
    const idx = i + 2;
    // Every tenth customer writes mostly Korean, every tenth (other) one mostly Italian.
    const language = idx % 10 === 3 ? "ko" : idx % 10 === 7 ? "it" : "en";
    organizations.push({
      idx,
      id: `bench-org-${idx}`,
      name: `${PLACES[idx % PLACES.length]} ${KINDS[Math.floor(idx / PLACES.length) % KINDS.length]} ${idx}`,
      slug: `bench-${idx}`,
      requests,
      users: usersFor(requests),
      ko: language === "ko" ? 0.85 : 0.015,
      it: language === "it" ? 0.85 : 0.015,
    });
  });
  return organizations;
}

function seedRequesterSql(org: "acme" | "globex", idx: number, total: number): string {
  let upTo = 0;
  const cases = SEED_REQUESTERS[org].map(([userId, share]) => {
    upTo += Math.round(total * share);
    return `WHEN idx = ${idx} AND k <= ${upTo} THEN '${userId}'`;
  });
  return cases.join(" ");
}

const { values: args } = parseArgs({
  options: { requests: { type: "string", default: String(DEFAULT_REQUESTS) }, reset: { type: "boolean", default: false }, workers: { type: "string", default: "2" } },
});

runScript(async () => {
  const requests = Number(args.requests);
  if (!Number.isInteger(requests) || requests < 1000) throw new Error("--requests must be a whole number of at least 1000");
  const url = benchDatabaseUrl();
  const started = Date.now();
  const created = await ensureBenchDatabase(url, args.reset);
  console.log(`Benchmark database ${databaseName(url)}: ${created ? "created" : "exists"}`);

  const applied = await applyMigrations(url);
  if (applied.length) console.log(`Migrations applied: ${applied.join(", ")}`);

  const meta = await withClient(url, readBenchMeta);
  if (meta) {
    if (meta.complete !== "yes") throw new Error("A previous generation did not finish. Run again with --reset.");
    if (Number(meta.requests) !== requests) {
      throw new Error(`This database holds ${meta.requests} generated requests, not ${requests}. Run again with --reset to regenerate it.`);
    }
    console.log(`Reusing the benchmark data generated at ${meta.generatedAt} (${meta.requests} requests). Use --reset to regenerate.`);
    return;
  }

  const now = new Date();
  await step("demo data (seedDatabase)", () => seedDatabase(url, 5, now));
  await withClient(url, (client) => generate(client, url, requests, now));
  console.log(`Done in ${seconds(started)}.`);
});

async function generate(client: pg.Client, url: string, total: number, now: Date) {
  // Bulk load settings for this session only: no wait for the WAL flush per statement, big sorts in memory.
  await client.query("SET synchronous_commit = off");
  await client.query("SET maintenance_work_mem = '1GB'");
  await client.query("SET work_mem = '256MB'");
  await client.query("SELECT setseed(0.42)");
  const generationStarted = Date.now();

  const organizations = planOrganizations(total);
  const timings: Record<string, string> = {};
  const timed = async (label: string, sql: string, params: unknown[] = []) => {
    const begin = Date.now();
    const result = await client.query(sql, params);
    timings[label] = seconds(begin);
    console.log(`  ${label}: ${result.rowCount ?? 0} rows, ${timings[label]}`);
  };

  await client.query(`
    CREATE SCHEMA bench;
    CREATE TABLE bench.meta (key text PRIMARY KEY, value text NOT NULL);
    CREATE TABLE bench.org (idx int PRIMARY KEY, id text NOT NULL, name text NOT NULL, slug text NOT NULL, n_requests int NOT NULL, n_users int NOT NULL, ko float8 NOT NULL, it float8 NOT NULL);
    CREATE TABLE bench.pool (lang text, kind text, idx int, text text NOT NULL, vec tsvector, PRIMARY KEY (lang, kind, idx));
    -- A well-mixed, non-negative hash: rows pick their texts and their dice by it, reproducibly.
    CREATE FUNCTION bench.h(a bigint, salt int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      'SELECT hashint8(a * 64 + salt) & 2147483647';`);
  await client.query("INSERT INTO bench.meta VALUES ('requests', $1), ('now', $2), ('complete', 'no')", [String(total), now.toISOString()]);

  console.log("Organizations, people and text pools");
  await timed(
    "organizations",
    `INSERT INTO bench.org SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::float8[], $8::float8[])`,
    [
      organizations.map((o) => o.idx),
      organizations.map((o) => o.id),
      organizations.map((o) => o.name),
      organizations.map((o) => o.slug),
      organizations.map((o) => o.requests),
      organizations.map((o) => o.users),
      organizations.map((o) => o.ko),
      organizations.map((o) => o.it),
    ],
  );
  for (const [index, language] of (["en", "it", "ko"] as Language[]).entries()) {
    const pools = buildTextPools(language, POOL_SIZE, 1000 + index);
    for (const kind of ["subject", "paragraph", "chat"] as const) {
      await client.query(`INSERT INTO bench.pool SELECT $1, $2, i - 1, t FROM unnest($3::text[]) WITH ORDINALITY AS u(t, i)`, [language, kind, pools[kind]]);
    }
  }
  // Each pool text's search vector, once: the bulk rows reuse them.
  await timed("pool search vectors", "UPDATE bench.pool SET vec = portico_search_vector(text)");
  await timed(
    "organization rows",
    `INSERT INTO "Organization" (id, name, slug, "createdAt")
     SELECT id, name, slug, $1::timestamp - interval '${YEARS + 1} years' FROM bench.org WHERE idx >= 2`,
    [now],
  );
  await timed(
    "customers",
    `INSERT INTO "User" (id, email, name, "isAgent", "createdAt", "updatedAt")
     SELECT 'bench-u-' || o.idx || '-' || k, 'user' || k || '@' || o.slug || '.bench.test',
       ($2::text[])[1 + bench.h(o.idx * 1000 + k, 1) % array_length($2, 1)] || ' ' || ($3::text[])[1 + bench.h(o.idx * 1000 + k, 2) % array_length($3, 1)],
       false, $1::timestamp - interval '${YEARS + 1} years', $1::timestamp
     FROM bench.org o CROSS JOIN LATERAL generate_series(0, o.n_users - 1) k`,
    [now, FIRST_NAMES, LAST_NAMES],
  );
  await timed(
    "memberships",
    `INSERT INTO "Membership" ("userId", "organizationId", "isTechnicalContact", "isAdmin", "createdAt")
     SELECT 'bench-u-' || o.idx || '-' || k, o.id, k % 25 = 1, k % 50 = 2, $1::timestamp - interval '${YEARS + 1} years'
     FROM bench.org o CROSS JOIN LATERAL generate_series(0, o.n_users - 1) k`,
    [now],
  );
  await timed(
    "agents",
    `INSERT INTO "User" (id, email, name, "isAgent", "createdAt", "updatedAt")
     SELECT 'bench-agent-' || k, 'agent' || k || '@portico.bench.test', 'Agent ' || k, true, $1::timestamp - interval '${YEARS + 1} years', $1::timestamp
     FROM generate_series(0, ${AGENTS - 1}) k`,
    [now],
  );

  // Every request's dice first, in a working table: ids follow creation time like a real sequence,
  // so the table's physical order mixes organizations as production data does.
  console.log("Requests");
  const acme = organizations[0] as Organization;
  const globex = organizations[1] as Organization;
  await timed(
    "request plan",
    `CREATE TABLE bench.req AS
     WITH dice AS (
       SELECT o.idx, o.id AS org_id, o.n_users, o.ko, o.it, k,
         random() AS u_lang, random() AS u_user, power(random(), 1.5) AS u_age, random() AS u_status, random() AS u_priority,
         random() AS u_channel, random() AS u_duration, random() AS u_extra
       FROM bench.org o CROSS JOIN LATERAL generate_series(1, o.n_requests) k
     ), timed AS (
       SELECT *, $1::timestamp - u_age * interval '${YEARS * 365} days' AS created_at,
         CASE WHEN u_lang < ko THEN 'ko' WHEN u_lang < ko + it THEN 'it' ELSE 'en' END AS lang,
         CASE ${seedRequesterSql("acme", 0, acme.requests)} ${seedRequesterSql("globex", 1, globex.requests)}
           ELSE 'bench-u-' || idx || '-' || floor(n_users * power(u_user, 2))::int END AS requester_id
       FROM dice
     ), statused AS (
       SELECT *,
         CASE
           WHEN $1::timestamp - created_at < interval '14 days' THEN
             CASE WHEN u_status < 0.3 THEN 'open' WHEN u_status < 0.6 THEN 'pending' WHEN u_status < 0.7 THEN 'on_hold' ELSE 'solved' END
           WHEN $1::timestamp - created_at < interval '60 days' THEN
             CASE WHEN u_status < 0.05 THEN 'open' WHEN u_status < 0.15 THEN 'pending' WHEN u_status < 0.25 THEN 'on_hold' ELSE 'solved' END
           ELSE CASE WHEN u_status < 0.005 THEN 'pending' WHEN u_status < 0.015 THEN 'on_hold' ELSE 'solved' END
         END AS status
       FROM timed
     )
     SELECT (SELECT max(id) FROM "Request") + row_number() OVER (ORDER BY created_at, idx, k) AS id,
       idx, org_id, k, lang, requester_id, created_at, status,
       CASE WHEN u_priority < 0.03 THEN 'S1' WHEN u_priority < 0.18 THEN 'S2' WHEN u_priority < 0.73 THEN 'S3' ELSE 'S4' END AS priority,
       CASE WHEN u_channel < 0.6 THEN 'web' WHEN u_channel < 0.9 THEN 'email' ELSE 'chat' END AS channel,
       'bench-agent-' || floor(u_extra * ${AGENTS})::int AS assignee_id,
       CASE WHEN status = 'solved' THEN least($1::timestamp, created_at + interval '10 minutes' + power(u_duration, 2) * interval '20 days')
            ELSE created_at + u_duration * ($1::timestamp - created_at) END AS last_activity_at,
       2 + floor(u_extra * 1000)::int % 5 AS n_comments,
       CASE WHEN floor(u_extra * 10000)::int % 10 < 4 THEN 1 ELSE 0 END + CASE WHEN floor(u_extra * 10000)::int % 10 = 0 THEN 1 ELSE 0 END AS n_notes,
       floor(u_extra * 100000)::int % 100 < 5 AS has_chat,
       floor(u_extra * 1000000)::int % 100 < 10 AS has_cc
     FROM statused`,
    [now],
  );
  await client.query("ALTER TABLE bench.req ADD PRIMARY KEY (id)");

  console.log("Bulk load (triggers off; secondary indexes dropped and built afterwards)");
  const indexes = await dropSecondaryIndexes(client);
  const { rows: bounds } = await client.query<{ first: string; last: string }>("SELECT min(id)::text AS first, max(id)::text AS last FROM bench.req");
  const first = Number(bounds[0]!.first);
  const last = Number(bounds[0]!.last);
  const chunks: [number, number][] = [];
  for (let from = first; from <= last; from += CHUNK) chunks.push([from, Math.min(last, from + CHUNK - 1)]);
  const loadStarted = Date.now();
  let loaded = 0;
  await inParallel(url, Number(args.workers), chunks, async (worker, [from, to]) => {
    await loadChunk(worker, from, to);
    loaded += to - from + 1;
    const elapsed = (Date.now() - loadStarted) / 1000;
    const left = (elapsed / loaded) * (last - first + 1 - loaded);
    console.log(
      `  requests ${loaded.toLocaleString("en")} / ${(last - first + 1).toLocaleString("en")} (${Math.round((100 * loaded) / (last - first + 1))} %), ${elapsed.toFixed(0)} s, about ${left.toFixed(0)} s left`,
    );
  });
  timings["bulk load"] = seconds(loadStarted);
  await client.query(`SELECT setval(pg_get_serial_sequence('"Request"', 'id'), (SELECT max(id) FROM "Request"))`);

  console.log("Indexes and statistics");
  const indexesStarted = Date.now();
  await inParallel(url, Number(args.workers), indexes, async (worker, index) => {
    const begin = Date.now();
    await worker.query(index.definition);
    console.log(`  ${index.name}: ${seconds(begin)}`);
  });
  timings.indexes = seconds(indexesStarted);
  await client.query("DROP TABLE bench.req");
  // A database in steady state has been vacuumed (visibility map set) and analyzed.
  await timed("VACUUM ANALYZE", "VACUUM (ANALYZE)");
  timings.total = seconds(generationStarted);

  const { rows } = await client.query<{ name: string; count: string }>(`
    SELECT 'requestsTotal' AS name, count(*)::text AS count FROM "Request"
    UNION ALL SELECT 'acmeRequests', count(*)::text FROM "Request" WHERE "organizationId" = 'seed-org-acme'
    UNION ALL SELECT 'aliceRequests', count(*)::text FROM "Request" WHERE "requesterId" = 'seed-user-alice'
    UNION ALL SELECT 'organizations', count(*)::text FROM "Organization"
    UNION ALL SELECT 'users', count(*)::text FROM "User"
    UNION ALL SELECT 'publicReplies', count(*)::text FROM "Comment" WHERE visibility = 'public'
    UNION ALL SELECT 'internalNotes', count(*)::text FROM "Comment" WHERE visibility = 'internal'
    UNION ALL SELECT 'chatSessions', count(*)::text FROM "ChatSession"
    UNION ALL SELECT 'chatMessages', count(*)::text FROM "ChatMessage"
    UNION ALL SELECT 'ccs', count(*)::text FROM "RequestCc"
    UNION ALL SELECT 'databaseSize', pg_size_pretty(pg_database_size(current_database()))`);
  const counts = Object.fromEntries(rows.map((row) => [row.name, row.count]));
  console.table(counts);
  await client.query(
    `INSERT INTO bench.meta SELECT * FROM jsonb_each_text($1::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [JSON.stringify({ ...counts, timings: JSON.stringify(timings), generatedAt: new Date().toISOString(), complete: "yes" })],
  );
}

/** Drops the bulk tables' secondary indexes (keys and unique indexes stay); answers how to build them again. */
async function dropSecondaryIndexes(client: pg.Client): Promise<{ name: string; definition: string }[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i WHERE i.indrelid = ANY ($1::regclass[]) AND NOT i.indisunique AND NOT i.indisprimary
     ORDER BY pg_relation_size(i.indrelid) DESC`,
    [BULK_TABLES.map((table) => `"${table}"`)],
  );
  for (const { name } of rows) await client.query(`DROP INDEX ${name}`);
  return rows;
}

/** Runs `work` on each item, `workers` at a time, each worker on its own connection. */
async function inParallel<T>(url: string, workers: number, items: T[], work: (client: pg.Client, item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(workers, items.length)) }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query("SET synchronous_commit = off");
        await client.query("SET maintenance_work_mem = '1GB'");
        await client.query("SET work_mem = '256MB'");
        // Triggers and foreign key checks off for this session: the bulk rows are consistent by construction.
        await client.query("SET session_replication_role = replica");
        for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(client, item);
      } finally {
        await client.end();
      }
    }),
  );
}

/**
 * One chunk of requests (ids from..to) with their threads, in one transaction: the messages go into
 * work tables first, so that each request is written once, with its search document built from them.
 */
async function loadChunk(client: pg.Client, from: number, to: number): Promise<void> {
  const range = [from, to];
  await client.query("BEGIN");
  // Replies alternate between support (odd) and the requester (even); the last one is the request's last activity.
  await client.query(
    `CREATE TEMP TABLE chunk_comment ON COMMIT DROP AS
     SELECT 'bench-c-' || q.id || '-' || i AS id, q.id AS request_id, CASE WHEN i % 2 = 1 THEN q.assignee_id ELSE q.requester_id END AS author_id,
       p.text || x.extra AS body, CASE WHEN x.extra = '' THEN p.vec ELSE portico_search_vector(p.text || x.extra) END AS vec, 'public'::"CommentVisibility" AS visibility,
       CASE WHEN q.channel = 'email' THEN 'email' ELSE 'web' END::"Channel" AS channel,
       q.created_at + (q.last_activity_at - q.created_at) * (i::float8 / q.n_comments) AS created_at
     FROM bench.req q CROSS JOIN LATERAL generate_series(1, q.n_comments) i
     JOIN bench.pool p ON p.lang = q.lang AND p.kind = 'paragraph' AND p.idx = bench.h(q.id * 8 + i, 2) % ${POOL_SIZE}
     CROSS JOIN LATERAL (SELECT
         CASE WHEN bench.h(q.id * 8 + i, 3) % 7 = 0 THEN ' (ref #' || bench.h(q.id * 8 + i, 4) % 1000000 || ')' ELSE '' END
         || CASE WHEN q.id % 25000 = 13 AND i = 2 THEN ' We switched the ${SEARCH_WORDS.rare} colour palette back.' ELSE '' END AS extra) x
     WHERE q.id BETWEEN $1 AND $2
     UNION ALL
     SELECT 'bench-n-' || q.id || '-' || i, q.id, q.assignee_id, 'Note: ' || p.text, portico_search_vector('Note: ' || p.text), 'internal', 'web',
       q.created_at + (q.last_activity_at - q.created_at) * (i::float8 / (q.n_notes + 1))
     FROM bench.req q CROSS JOIN LATERAL generate_series(1, q.n_notes) i
     JOIN bench.pool p ON p.lang = q.lang AND p.kind = 'paragraph' AND p.idx = bench.h(q.id * 8 + i, 9) % ${POOL_SIZE}
     WHERE q.id BETWEEN $1 AND $2`,
    range,
  );
  await client.query(
    `CREATE TEMP TABLE chunk_chat ON COMMIT DROP AS
     SELECT 'bench-m-' || q.id || '-' || i AS id, q.id AS request_id, CASE WHEN i % 2 = 1 THEN q.requester_id ELSE q.assignee_id END AS author_id,
       p.text AS body, p.vec, q.created_at + interval '5 minutes' + i * interval '2 minutes' AS sent_at
     FROM bench.req q CROSS JOIN LATERAL generate_series(1, 6 + bench.h(q.id, 10) % 7) i
     JOIN bench.pool p ON p.lang = q.lang AND p.kind = 'chat' AND p.idx = bench.h(q.id * 16 + i, 11) % ${POOL_SIZE}
     WHERE q.has_chat AND q.id BETWEEN $1 AND $2`,
    range,
  );
  await client.query(
    `INSERT INTO "Request" (id, subject, description, "requesterId", "organizationId", "assigneeId", status, priority, channel,
       "createdAt", "lastActivityAt", "firstAgentReplyAt", "lastAgentReplyAt", "lastCustomerMessageAt", "responseDueAt",
       "onHoldReason", "solvedAt", "solvedReason", version, "searchVector", "documentVector")
     SELECT q.id, s.text, d.text || x.extra,
       q.requester_id, q.org_id, q.assignee_id, q.status::"RequestStatus", q.priority::"Priority", q.channel::"Channel",
       q.created_at, q.last_activity_at,
       q.created_at + (q.last_activity_at - q.created_at) / (q.n_comments + 1),
       q.last_activity_at - (q.last_activity_at - q.created_at) / (q.n_comments + 1),
       q.created_at,
       CASE WHEN q.status IN ('open', 'on_hold') THEN q.last_activity_at + interval '1 day' END,
       CASE WHEN q.status = 'on_hold' THEN (ARRAY['reproducing_bug', 'with_engineering', 'waiting_for_account_team'])[1 + bench.h(q.id, 7) % 3] END,
       CASE WHEN q.status = 'solved' THEN q.last_activity_at END,
       CASE WHEN q.status = 'solved' THEN (CASE WHEN bench.h(q.id, 8) % 100 < 82 THEN 'agreed' WHEN bench.h(q.id, 8) % 100 < 94 THEN 'no_response' ELSE 'bug_reported' END)::"SolvedReason" END,
       q.n_comments, v.own, v.own || setweight(coalesce(c.vec, ''::tsvector) || coalesce(m.vec, ''::tsvector), 'C')
     FROM bench.req q
     JOIN bench.pool s ON s.lang = q.lang AND s.kind = 'subject' AND s.idx = bench.h(q.id, 1) % ${POOL_SIZE}
     JOIN bench.pool d ON d.lang = q.lang AND d.kind = 'paragraph' AND d.idx = bench.h(q.id, 2) % ${POOL_SIZE}
     CROSS JOIN LATERAL (SELECT
         CASE WHEN bench.h(q.id, 5) % 10 < 3 THEN ' Workspace ID ' || (10000 + bench.h(q.id, 6) % 90000) || '.' ELSE '' END
         || CASE WHEN q.id % 25000 = 7 OR (q.requester_id = 'seed-user-alice' AND q.k % 100 = 1)
                 THEN ' The ${SEARCH_WORDS.rare} theme looks wrong in the PDF export.' ELSE '' END AS extra) x
     CROSS JOIN LATERAL (SELECT setweight(s.vec, 'A') || setweight(CASE WHEN x.extra = '' THEN d.vec ELSE portico_search_vector(d.text || x.extra) END, 'B') AS own) v
     LEFT JOIN (SELECT request_id, portico_tsvector_agg(vec ORDER BY created_at, id) AS vec FROM chunk_comment WHERE visibility = 'public' GROUP BY request_id) c ON c.request_id = q.id
     LEFT JOIN (SELECT request_id, portico_tsvector_agg(vec ORDER BY sent_at, id) AS vec FROM chunk_chat GROUP BY request_id) m ON m.request_id = q.id
     WHERE q.id BETWEEN $1 AND $2
     ORDER BY q.id`,
    range,
  );
  await client.query(
    `INSERT INTO "Comment" (id, "requestId", "authorId", body, visibility, channel, "createdAt", "searchVector")
     SELECT id, request_id, author_id, body, visibility, channel, created_at, vec FROM chunk_comment ORDER BY request_id, created_at`,
  );
  await client.query(
    `INSERT INTO "ChatSession" (id, "requestId", "startedById", "startedAt", "endedAt", status, "endedBy", "lastMessageAt")
     SELECT 'bench-s-' || q.id, q.id, q.requester_id, q.created_at + interval '5 minutes', q.created_at + interval '35 minutes', 'ended', 'customer', q.created_at + interval '35 minutes'
     FROM bench.req q WHERE q.has_chat AND q.id BETWEEN $1 AND $2`,
    range,
  );
  await client.query(
    `INSERT INTO "ChatMessage" (id, "sessionId", "authorId", body, "sentAt", "searchVector")
     SELECT id, 'bench-s-' || request_id, author_id, body, sent_at, vec FROM chunk_chat ORDER BY request_id, sent_at`,
  );
  // CCs: a colleague from the same organization; on alice's requests, bob (as in the demo data).
  await client.query(
    `INSERT INTO "RequestCc" ("requestId", "userId", "addedById", "createdAt")
     SELECT id, cc, requester_id, created_at FROM (
       SELECT q.id, q.requester_id, q.created_at,
         CASE WHEN q.requester_id = 'seed-user-alice' THEN 'seed-user-bob'
              ELSE 'bench-u-' || o.idx || '-' || bench.h(q.id, 12) % o.n_users END AS cc
       FROM bench.req q JOIN bench.org o ON o.idx = q.idx WHERE q.has_cc AND q.id BETWEEN $1 AND $2
     ) c WHERE cc <> requester_id
     ON CONFLICT DO NOTHING`,
    range,
  );
  await client.query("COMMIT");
}

async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const begin = Date.now();
  const result = await work();
  console.log(`${label}: ${seconds(begin)}`);
  return result;
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
