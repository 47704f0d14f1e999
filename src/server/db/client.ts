import { PrismaPg } from "@prisma/adapter-pg";
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
