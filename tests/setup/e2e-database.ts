import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

// The database the browser tests' server runs on, for a spec that needs rows no page shows or can
// make (a mailed link, mail that came in from outside): the server (e2e-server.ts) writes its address
// to a file named by its port, so that two runs side by side each find their own.

function e2eDatabaseFile(port: number): string {
  return join(tmpdir(), `portico-e2e-database-${port}.json`);
}

/** For the server: makes its database findable; the function returned forgets it again. */
export function announceE2eDatabase(port: number, url: string): () => void {
  const file = e2eDatabaseFile(port);
  writeFileSync(file, JSON.stringify({ url }));
  return () => rmSync(file, { force: true });
}

/** For a spec: the address of the database of the server at E2E_PORT. */
export function e2eDatabaseUrl(): string {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const { url } = JSON.parse(readFileSync(e2eDatabaseFile(port), "utf8")) as { url: string };
  return url;
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
