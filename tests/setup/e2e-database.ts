import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

// The database the browser tests' server runs on, for a spec that needs rows no page shows or can
// make (a mailed link, mail that came in from outside): the server (e2e-server.ts) writes its address
// to a file named by its port, so that two runs side by side each find their own. The same file
// carries what a second instance of the app needs to share the first one's database and sign-ins
// (tests/setup/second-instance.ts): the session secret and the pool size.

function e2eDatabaseFile(port: number): string {
  return join(tmpdir(), `portico-e2e-database-${port}.json`);
}

export interface E2eServerDetails {
  /** The server's NEXTAUTH_SECRET: a second instance with the same one accepts the same sign-ins. */
  authSecret: string;
  /** DATABASE_POOL_MAX; 1 means the embedded database, which serves one connection (one instance) only. */
  poolMax: number;
}

/** For the server: makes its database findable; the function returned forgets it again. */
export function announceE2eDatabase(port: number, url: string, details?: E2eServerDetails): () => void {
  const file = e2eDatabaseFile(port);
  // Only this user may read the secret (the mode applies to a new file: a stale one goes first).
  rmSync(file, { force: true });
  writeFileSync(file, JSON.stringify({ url, ...details }), { mode: 0o600 });
  return () => rmSync(file, { force: true });
}

function readAnnouncement(): { url: string } & Partial<E2eServerDetails> {
  const port = Number(process.env.E2E_PORT ?? 3100);
  return JSON.parse(readFileSync(e2eDatabaseFile(port), "utf8")) as { url: string } & Partial<E2eServerDetails>;
}

/** For a spec: the address of the database of the server at E2E_PORT. */
export function e2eDatabaseUrl(): string {
  return readAnnouncement().url;
}

/** For a spec that starts a second instance: the database, secret and pool size of the server at E2E_PORT. */
export function e2eServerDetails(): { url: string } & E2eServerDetails {
  const { url, authSecret, poolMax } = readAnnouncement();
  if (!authSecret || !poolMax) throw new Error("The browser tests' server did not announce its secret (tests/setup/e2e-server.ts).");
  return { url, authSecret, poolMax };
}

/** Runs `work` on one connection to the browser tests' database (one: the embedded database serves one session at a time). */
export async function withE2eDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
