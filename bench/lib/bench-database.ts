import pg from "pg";

// The benchmark's own database on a PostgreSQL server: BENCH_DATABASE_URL, by default
// `portico_bench` on the local server. The scripts create, fill and drop only this database.

export const DEFAULT_BENCH_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/portico_bench";
/** Where bench/serve-app.ts serves the app (BENCH_PORT). */
export const DEFAULT_BENCH_PORT = 3204;

export function benchDatabaseUrl(): string {
  return process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
}

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Unexpected database name in BENCH_DATABASE_URL: "${name}"`);
  // The benchmarks drop and recreate their database: never one the server or others need.
  if (["postgres", "template0", "template1", "test", "root"].includes(name)) throw new Error(`"${name}" is not a benchmark's own database: name one the benchmark may drop.`);
  return name;
}

/** The server's maintenance database, for CREATE / DROP DATABASE. */
export function adminUrl(url: string): string {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  return admin.toString();
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(url) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the benchmark database when missing (after dropping it first with `reset`); true when created. */
export async function ensureBenchDatabase(url: string, reset: boolean): Promise<boolean> {
  const name = databaseName(url);
  return withAdmin(url, async (admin) => {
    if (reset) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return false;
    await admin.query(`CREATE DATABASE "${name}"`);
    return true;
  });
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The benchmark database's description, or an error saying how to make it when it holds no complete data. */
export async function requireBenchData(url: string): Promise<Record<string, string>> {
  const meta = await withClient(url, readBenchMeta);
  if (meta?.complete !== "yes") throw new Error(`No benchmark data in ${databaseName(url)}: run \`npx tsx bench/generate.ts\` first.`);
  return meta;
}

/** What `bench/generate.ts` wrote, read back from the `bench.meta` table; null before a complete run. */
export async function readBenchMeta(client: pg.Client): Promise<Record<string, string> | null> {
  const { rows: exists } = await client.query("SELECT to_regclass('bench.meta') IS NOT NULL AS ok");
  if (!exists[0]?.ok) return null;
  const { rows } = await client.query<{ key: string; value: string }>("SELECT key, value FROM bench.meta");
  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}

/** The newest of Acme's requests with exactly six public replies: the request page the benchmarks load. */
export async function requestWithSixReplies(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `SELECT r.id FROM "Request" r WHERE r."organizationId" = 'seed-org-acme'
       AND (SELECT count(*) FROM "Comment" c WHERE c."requestId" = r.id AND c.visibility = 'public') = 6 ORDER BY r.id DESC LIMIT 1`,
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error("The benchmark data has no request of Acme's with six public replies");
  return id;
}
