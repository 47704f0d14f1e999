import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, PROJECT_ROOT } from "../../scripts/lib/schema-engine";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

// bench/generate.ts loads its data with the app's triggers off and its indexes dropped
// (docs/PERFORMANCE.md, "The dataset"): what it leaves must be what the app's own writes would have
// left — every search vector and search document as the triggers compute them, every index and
// trigger back in place.

const run = promisify(execFile);

/** The generator's database: the test database, or beside it on an embedded server (whose `postgres` the generator refuses to own). */
function benchUrlOf(database: TestDatabase): string {
  const url = new URL(database.url);
  if (url.pathname === "/postgres") url.pathname = "/portico_bench_test";
  return url.toString();
}

let generated: TestDatabase;
let migratedOnly: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  [generated, migratedOnly] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await applyMigrations(migratedOnly.url);
  await run(process.execPath, ["--import", "tsx", "bench/generate.ts", "--requests", "2000"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, BENCH_DATABASE_URL: benchUrlOf(generated) },
    timeout: 150_000,
  });
  client = new pg.Client({ connectionString: benchUrlOf(generated) });
  await client.connect();
}, 180_000);

afterAll(async () => {
  await client?.end();
  await Promise.all([generated?.drop(), migratedOnly?.drop()]);
});

async function count(sql: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(sql);
  return Number(rows[0]!.n);
}

describe("bench/generate.ts", () => {
  it("writes the requests and threads it was asked for, with the demo data", async () => {
    expect(await count(`SELECT count(*) AS n FROM "Request"`)).toBe(2066);
    expect(await count(`SELECT count(*) AS n FROM "Comment" WHERE visibility = 'public'`)).toBeGreaterThan(2000 * 3);
    expect(await count(`SELECT count(*) AS n FROM "Comment" WHERE visibility = 'internal'`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM "ChatMessage"`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM bench.meta WHERE key = 'complete' AND value = 'yes'`)).toBe(1);
  });

  it("leaves every search vector and search document as the triggers compute them", async () => {
    expect(
      await count(`SELECT count(*) AS n FROM "Request"
        WHERE "searchVector" IS DISTINCT FROM setweight(portico_search_vector(subject), 'A') || setweight(portico_search_vector(description), 'B')
           OR "documentVector" IS DISTINCT FROM "searchVector" || portico_thread_vector(id)`),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "Comment" WHERE "searchVector" IS DISTINCT FROM portico_search_vector(body)`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "ChatMessage" WHERE "searchVector" IS DISTINCT FROM portico_search_vector(body)`)).toBe(0);
  });

  it("leaves no row pointing at nothing", async () => {
    expect(await count(`SELECT count(*) AS n FROM "Comment" c LEFT JOIN "Request" r ON r.id = c."requestId" WHERE r.id IS NULL`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "ChatMessage" m LEFT JOIN "ChatSession" s ON s.id = m."sessionId" WHERE s.id IS NULL`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "Request" r LEFT JOIN "User" u ON u.id = r."requesterId" WHERE u.id IS NULL`)).toBe(0);
  });

  it("builds every index and keeps every trigger the migrations define", async () => {
    const schemaOf = async (url: string) => {
      const reader = new pg.Client({ connectionString: url });
      await reader.connect();
      try {
        const indexes = await reader.query<{ definition: string }>(`SELECT indexdef AS definition FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`);
        const triggers = await reader.query<{ name: string; enabled: string }>(`SELECT tgname AS name, tgenabled AS enabled FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1`);
        return {
          indexes: indexes.rows.map((row) => row.definition),
          triggers: triggers.rows,
        };
      } finally {
        await reader.end();
      }
    };
    const [after, expected] = await Promise.all([schemaOf(generated.url), schemaOf(migratedOnly.url)]);
    expect(after).toEqual(expected);
  });
});
