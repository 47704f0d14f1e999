import { randomBytes } from "node:crypto";
import pg from "pg";
import { readEnvironment } from "../../src/config/env";
import { EMBEDDED_POOL_MAX, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";

export interface TestDatabase {
  /** The database's name on its server. */
  name: string;
  url: string;
  poolMax: number;
  description: string;
  drop(): Promise<void>;
}

const PREFIX = "portico_test_";
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

/**
 * A fresh, empty database for one test file or one browser-test run: a new database on the
 * server named by TEST_DATABASE_URL when set, else an in-memory embedded one. On a server it can be
 * a copy of `template`, another of these test databases (no one may be connected to it).
 */
export async function createTestDatabase(options: { template?: string } = {}): Promise<TestDatabase> {
  const serverUrl = readEnvironment().TEST_DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres();
    return { name: "", url: embedded.url, poolMax: EMBEDDED_POOL_MAX, description: "embedded (in memory)", drop: () => embedded.stop() };
  }

  const name = `${PREFIX}${Date.now()}_${randomBytes(4).toString("hex")}`;
  if (options.template && !options.template.startsWith(PREFIX)) throw new Error(`Not a test database: ${options.template}`);
  await withAdmin(serverUrl, async (admin) => {
    await dropStaleTestDatabases(admin);
    await admin.query(`CREATE DATABASE "${name}"${options.template ? ` TEMPLATE "${options.template}"` : ""}`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    poolMax: 5,
    description: `${url.host}/${name}`,
    drop: () => withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

async function withAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// Runs that were killed leave their databases behind; remove ours (by prefix) once they are old.
async function dropStaleTestDatabases(admin: pg.Client) {
  const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${PREFIX}%`]);
  for (const { datname } of rows) {
    const createdAt = Number(datname.slice(PREFIX.length).split("_")[0]);
    if (Number.isFinite(createdAt) && Date.now() - createdAt > STALE_AFTER_MS) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  }
}
