import "server-only";
import { readServerConfig } from "@/config/env";
import { createDatabase, createReplicaReader, type Database, type ReplicaReader } from "./client";

// One client per server process. Created on first use, not at import, so `next build` can load
// route modules without a database; kept on globalThis so dev-mode reloads reuse the pool.
const holder = globalThis as typeof globalThis & { porticoDatabase?: Database; porticoReplicas?: ReplicaReader | null };

export function getDatabase(): Database {
  if (!holder.porticoDatabase) {
    const config = readServerConfig();
    holder.porticoDatabase = createDatabase({ url: config.databaseUrl, poolMax: config.databasePoolMax });
  }
  return holder.porticoDatabase;
}

/** The read replicas (DATABASE_REPLICA_URL), or none. Lists and searches ask for them through src/server/entry/list-database.ts. */
export function getReplicaReader(): ReplicaReader | undefined {
  if (holder.porticoReplicas === undefined) {
    const config = readServerConfig();
    holder.porticoReplicas =
      config.replicaUrls.length === 0 ? null : createReplicaReader(getDatabase(), config.replicaUrls.map((url) => ({ url, poolMax: config.databasePoolMax })));
  }
  return holder.porticoReplicas ?? undefined;
}
