import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { ConfigurationError } from "../../src/config/env";

// The embedded database is PGlite (PostgreSQL compiled to WebAssembly) served over the PostgreSQL
// wire protocol on a loopback port, so the app talks to it exactly as it talks to a PostgreSQL
// server: one code path, one driver. PGlite runs one session at a time; Portico therefore opens a
// single connection to it (EMBEDDED_POOL_MAX). See docs/decisions/0002-embedded-database.md.

export const EMBEDDED_POOL_MAX = 1;

export interface EmbeddedPostgres {
  url: string;
  /** Where the data lives; undefined for an in-memory database. */
  dataDir: string | undefined;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** A directory to keep the data in; omit for an in-memory database (tests). */
  dataDir?: string;
  port?: number;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const { dataDir, port = 0 } = options;
  const releaseLock = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const db = await PGlite.create(dataDir ? join(dataDir, "pglite") : undefined);
    // A few connections are accepted so that a short-lived tool can connect beside the app;
    // each client must keep to one connection (see EMBEDDED_POOL_MAX).
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 8 });
    await server.start();
    const conn = server.getServerConn();
    let stopped = false;
    return {
      url: `postgresql://postgres:postgres@${conn}/postgres?sslmode=disable`,
      dataDir,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await db.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

// Two PGlite instances on one directory would corrupt it, so a lock file names the owning process.
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, "pglite.lock");
  const owner = readLockOwner(lockFile);
  if (owner !== undefined && owner !== process.pid && isRunning(owner)) {
    throw new ConfigurationError(
      `The embedded database in ${dataDir} is in use by process ${owner} (is Portico already running?). ` +
        "Stop that process first, or set DATABASE_URL to use a PostgreSQL server.",
    );
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function readLockOwner(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
    return Number.isFinite(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
