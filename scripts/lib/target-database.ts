import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { readEnvironment } from "../../src/config/env";
import { EMBEDDED_POOL_MAX, startEmbeddedPostgres } from "./embedded-postgres";
import { step } from "./progress";
import { PROJECT_ROOT } from "./project-root";

export interface TargetDatabase {
  url: string;
  poolMax: number;
  /** One line for the log: which database this is. */
  description: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set, else the embedded database kept in PORTICO_DATA_DIR (default .data/). */
export async function openTargetDatabase(): Promise<TargetDatabase> {
  const env = readEnvironment();
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    return {
      url: env.DATABASE_URL,
      poolMax: env.DATABASE_POOL_MAX,
      description: `PostgreSQL server at ${url.hostname}:${url.port || 5432}${url.pathname}`,
      embedded: false,
      stop: async () => {},
    };
  }
  const dataDir = resolve(PROJECT_ROOT, env.PORTICO_DATA_DIR);
  // Creating it the first time takes a few seconds: say so, rather than sit silent.
  const label = existsSync(join(dataDir, "pglite")) ? "Starting the embedded database" : `Creating the embedded database in ${dataDir} (first start only)`;
  const embedded = await step(label, () => startEmbeddedPostgres({ dataDir }));
  return {
    url: embedded.url,
    poolMax: EMBEDDED_POOL_MAX,
    description: `embedded PostgreSQL (PGlite) in ${dataDir} (set DATABASE_URL to use a PostgreSQL server)`,
    embedded: true,
    stop: () => embedded.stop(),
  };
}

export async function withTargetDatabase<T>(work: (database: TargetDatabase) => Promise<T>): Promise<T> {
  const database = await openTargetDatabase();
  try {
    return await work(database);
  } finally {
    await database.stop();
  }
}
