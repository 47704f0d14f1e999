import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import { benchDatabaseUrl, databaseName, readBenchMeta } from "./bench-database";
import type { Measured } from "./report";
import { time } from "./stats";

/**
 * What a query benchmark works with: the app's database client with Prisma's query log captured (to
 * take the exact SQL a use case sends), a plain connection to time that SQL alone and explain it,
 * and what the report says about the data. Fails when the benchmark data is not there.
 */
export interface BenchSession {
  prisma: PrismaClient;
  db: Database;
  /** Every query Prisma sent since the session opened; callers clear it between cases. */
  captured: Prisma.QueryEvent[];
  /** The plain connection, for statements of the benchmark's own (a variant's indexes). */
  client: pg.Client;
  /** What the generator recorded about the data, and the server's version, for the report. */
  meta: Record<string, string>;
  version: string;
  measure(sql: string, params: unknown[]): Promise<Measured>;
  close(): Promise<void>;
}

export async function openBenchSession(runs: number): Promise<BenchSession> {
  const url = benchDatabaseUrl();
  const captured: Prisma.QueryEvent[] = [];
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }), log: [{ emit: "event", level: "query" }] });
  prisma.$on("query", (event) => captured.push(event));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const close = async () => {
    await client.end();
    await prisma.$disconnect();
  };
  try {
    const meta = await readBenchMeta(client);
    if (meta?.complete !== "yes") throw new Error(`No benchmark data in ${databaseName(url)}: run \`npx tsx bench/generate.ts\` first.`);
    const { rows } = await client.query<{ version: string }>("SELECT version()");
    return {
      prisma,
      db: prisma as unknown as Database,
      captured,
      client,
      meta,
      version: rows[0]?.version ?? "?",
      async measure(sql, params) {
        const sqlTiming = await time(() => client.query(sql, params), { runs });
        const { rows: plan } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        return { sqlTiming, plan: plan.map((row) => row["QUERY PLAN"]).join("\n") };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
