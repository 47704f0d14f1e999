import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../scripts/lib/schema-engine";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import { hashPassword } from "../../src/server/people/password";
import { readEnvironment } from "../../src/config/env";
import { createTestDatabase } from "./test-database";

// Once per Vitest run, for every integration file's fresh database (seeded-database.ts): the demo
// password's hash (scrypt is made to be slow: ~0.5 s of CPU a time) and, on a PostgreSQL server, a
// database with every migration applied that each file's database is copied from, where each file
// applied them itself (~0.7 s). Each file still seeds its own, at its own clock.

declare module "vitest" {
  export interface ProvidedContext {
    demoPasswordHash: string;
    /** The migrated database to copy, on a PostgreSQL server; "" on the embedded one (one database per server). */
    migratedTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  project.provide("demoPasswordHash", await hashPassword(DEMO_PASSWORD));
  if (!readEnvironment().TEST_DATABASE_URL) {
    project.provide("migratedTemplate", "");
    return async () => {};
  }
  const template = await createTestDatabase();
  await applyMigrations(template.url);
  project.provide("migratedTemplate", template.name);
  return () => template.drop();
}
