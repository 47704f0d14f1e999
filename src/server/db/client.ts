import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import { PrismaClient } from "@/generated/prisma/client";
import { CONNECTION_OPTIONS } from "./connection-options";
import { databaseErrorLine, isDatabaseUnavailable, isRecoveryConflict } from "./errors";

export type Database = PrismaClient;

export interface DatabaseOptions {
  url: string;
  /** Connections in the pool. The embedded database serves one connection at a time, so it gets 1. */
  poolMax?: number;
}

export function createDatabase({ url, poolMax = 10 }: DatabaseOptions): Database {
  const adapter = new PrismaPg({ connectionString: url, max: poolMax, options: CONNECTION_OPTIONS });
  return new PrismaClient({ adapter });
}

/** Reads on one of the read replicas; `close` ends every replica's pool. */
export interface ReplicaReader {
  /** Runs `work` on a replica picked for it, or on the primary when that replica cannot be reached. */
  read<T>(work: (db: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The read replicas behind Prisma's read-replica extension (docs/deploy.md "PostgreSQL and the read
 * replica"). Only its `$replica()` is used, by the lists and searches that ask for it: the extension's
 * own default would send every model read to a replica, the viewer's and the access checks' included,
 * which must see the latest grants and writes; here everything else stays on the primary. A replica
 * that is down or restarting costs its reads a second try on the primary, not the page.
 */
export function createReplicaReader(primary: Database, replicas: readonly DatabaseOptions[]): ReplicaReader {
  const clients = replicas.map(createDatabase);
  const routed = primary.$extends(readReplicas({ replicas: clients }));
  return {
    async read(work) {
      // What the extension hands out is one of `clients`: a plain client, typed as the extended one.
      const replica = routed.$replica() as unknown as Database;
      try {
        return await work(replica);
      } catch (error) {
        // A replica that is down, or that cancelled the read to go on replaying: the primary has the same answer.
        if (isDatabaseUnavailable(error)) console.error(`A read replica is unavailable; read from the primary instead: ${databaseErrorLine(error)}`);
        else if (isRecoveryConflict(error)) console.error(`A read replica cancelled a read for its replay; read from the primary instead: ${databaseErrorLine(error)}`);
        else throw error;
        return work(primary);
      }
    },
    close: async () => {
      await Promise.all(clients.map((client) => client.$disconnect()));
    },
  };
}
