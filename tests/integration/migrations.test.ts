import { readdirSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, diffSchemaAgainstMigrations, MIGRATIONS_DIR } from "../../scripts/lib/schema-engine";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

async function query<T extends pg.QueryResultRow>(sql: string) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  const folders = readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

  it("apply every migration to an empty database", async () => {
    expect(await applyMigrations(database.url)).toEqual(folders);
    const tables = (await query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).map((row) => row.tablename);
    expect(tables).toEqual(expect.arrayContaining(["Request", "User", "Organization", "Comment", "RequestEvent", "OrganizationAccessGrant"]));
    const recorded = await query<{ migration_name: string; finished_at: Date | null }>(
      'SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(recorded.map((row) => row.migration_name)).toEqual(folders);
    expect(recorded.every((row) => row.finished_at !== null)).toBe(true);
  });

  it("are a no-op the second time", async () => {
    const before = await query('SELECT id, checksum, finished_at FROM "_prisma_migrations" ORDER BY id');
    expect(await applyMigrations(database.url)).toEqual([]);
    expect(await query('SELECT id, checksum, finished_at FROM "_prisma_migrations" ORDER BY id')).toEqual(before);
  });

  it("match prisma/schema.prisma (no migration is missing)", async () => {
    expect(await diffSchemaAgainstMigrations()).toBeUndefined();
  });

  // The schema cannot say it, and rewriting the column would drop it: a rare word's plan depends on it
  // (docs/PERFORMANCE.md, "Rare words and the planner's statistics").
  it("give the search documents a larger statistics sample", async () => {
    const [column] = await query<{ target: number }>(
      `SELECT attstattarget AS target FROM pg_attribute WHERE attrelid = '"Request"'::regclass AND attname = 'documentVector'`,
    );
    expect(column?.target).toBe(1000);
  });
});
