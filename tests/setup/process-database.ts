import type { Database, ReplicaReader } from "@/server/db/client";

/**
 * Disconnects and forgets the process-wide client and read replicas (src/server/db/index.ts), so that the next
 * route handler or action builds them again from DATABASE_URL: a test file points them at its own database.
 */
export async function releaseProcessDatabase(): Promise<void> {
  const holder = globalThis as typeof globalThis & { porticoDatabase?: Database; porticoReplicas?: ReplicaReader | null };
  const { porticoDatabase, porticoReplicas } = holder;
  holder.porticoDatabase = undefined;
  holder.porticoReplicas = undefined;
  await porticoReplicas?.close();
  await porticoDatabase?.$disconnect();
}
