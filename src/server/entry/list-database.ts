import "server-only";
import { cookies } from "next/headers";
import { getDatabase, getReplicaReader } from "@/server/db";
import type { Database } from "@/server/db/client";

// Where a list or a search reads (docs/deploy.md "PostgreSQL and the read replica"): a read replica
// when one is set, since lists and searches are the heaviest reads and a moment's lag is no harm to
// them. A person who has just changed something reads the primary for a few seconds, so the list
// they go back to shows their change even while the replica is still catching up. The cookie only
// chooses the server: whoever keeps it reads the primary, and sees nothing more for it.

export const RECENT_WRITE_COOKIE = "portico-wrote";
/** How long after a person's own change their lists read the primary: longer than a replica's usual lag. */
export const RECENT_WRITE_SECONDS = 5;

/** For the pages and routes that list or search requests: `work` reads through the client it is given. Everything else reads `getDatabase()`. */
export async function readList<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const replicas = getReplicaReader();
  if (!replicas || (await cookies()).has(RECENT_WRITE_COOKIE)) return work(getDatabase());
  return replicas.read(work);
}

/** After a change a person made in the browser: their lists read the primary for a few seconds. */
export async function noteOwnWrite(): Promise<void> {
  if (!getReplicaReader()) return;
  (await cookies()).set(RECENT_WRITE_COOKIE, "1", { path: "/", maxAge: RECENT_WRITE_SECONDS, sameSite: "lax", httpOnly: true });
}
