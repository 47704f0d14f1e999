import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import { PrismaClient } from "@/generated/prisma/client";

export type Database = PrismaClient;

export interface DatabaseOptions {
  url: string;
  /** Connections in the pool. The embedded database serves one connection at a time, so it gets 1. */
  poolMax?: number;
}

export function createDatabase({ url, poolMax = 10 }: DatabaseOptions): Database {
  const adapter = new PrismaPg({ connectionString: url, max: poolMax });
  return new PrismaClient({ adapter });
}

/** A client on one of the read replicas, picked for each call; `close` ends every replica's pool. */
export interface ReplicaReader {
  pick(): Database;
  close(): Promise<void>;
}

/**
 * The read replicas behind Prisma's read-replica extension (docs/deploy.md "PostgreSQL and the read
 * replica"). Only its `$replica()` is used, by the lists and searches that ask for it: the extension's
 * own default would send every model read to a replica, the viewer's and the access checks' included,
 * which must see the latest grants and writes; here everything else stays on the primary.
 */
export function createReplicaReader(primary: Database, replicas: readonly DatabaseOptions[]): ReplicaReader {
  const clients = replicas.map(createDatabase);
  const routed = primary.$extends(readReplicas({ replicas: clients }));
  return {
    // What the extension hands out is one of `clients`: a plain client, typed as the extended one.
    pick: () => routed.$replica() as unknown as Database,
    close: async () => {
      await Promise.all(clients.map((client) => client.$disconnect()));
    },
  };
}
