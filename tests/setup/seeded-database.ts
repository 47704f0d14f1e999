import { afterAll, beforeAll, inject } from "vitest";
import { createDatabase, type Database } from "@/server/db/client";
import { applyMigrations } from "../../scripts/lib/schema-engine";
import { seedDatabase } from "../../scripts/lib/seed";
import { createTestDatabase, type TestDatabase } from "./test-database";

export interface SeededDatabase {
  /** The Prisma client on this file's fresh database. */
  readonly db: Database;
  readonly database: TestDatabase;
  /** The clock the demo data was written at. */
  readonly now: Date;
}

/**
 * For one test file: a fresh database, migrated and filled with the demo data before the tests,
 * dropped after them. On a PostgreSQL server it is a copy of the run's migrated database, with the
 * run's one hash of the demo password (global-setup.ts).
 */
export function prepareSeededDatabase(now = new Date()): SeededDatabase {
  let database: TestDatabase | undefined;
  let db: Database | undefined;
  beforeAll(async () => {
    const template = inject("migratedTemplate");
    database = await createTestDatabase({ template });
    if (!template) await applyMigrations(database.url);
    await seedDatabase(database.url, database.poolMax, now, inject("demoPasswordHash"));
    db = createDatabase({ url: database.url, poolMax: database.poolMax });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("The seeded database is ready only inside tests and hooks.");
    return value;
  };
  return {
    get db() {
      return ready(db);
    },
    get database() {
      return ready(database);
    },
    now,
  };
}

/**
 * A second client on the same database, for two submissions racing side by side. The embedded
 * database serves one session, so there the second client is the first one and they queue.
 */
export function prepareSecondClient(seeded: SeededDatabase): { readonly db: Database } {
  let other: Database | undefined;
  beforeAll(() => {
    other = seeded.database.poolMax > 1 ? createDatabase({ url: seeded.database.url, poolMax: 2 }) : seeded.db;
  });
  afterAll(async () => {
    if (other && other !== seeded.db) await other.$disconnect();
  });
  return {
    get db() {
      if (!other) throw new Error("The second client is ready only inside tests and hooks.");
      return other;
    },
  };
}
