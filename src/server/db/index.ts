import "server-only";
import { readServerConfig } from "@/config/env";
import { createDatabase, type Database } from "./client";

// One client per server process. Created on first use, not at import, so `next build` can load
// route modules without a database; kept on globalThis so dev-mode reloads reuse the pool.
const holder = globalThis as typeof globalThis & { porticoDatabase?: Database };

export function getDatabase(): Database {
  if (!holder.porticoDatabase) {
    const config = readServerConfig();
    holder.porticoDatabase = createDatabase({ url: config.databaseUrl, poolMax: config.databasePoolMax });
  }
  return holder.porticoDatabase;
}
