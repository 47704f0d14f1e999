// npm run db:migration -- <name> — writes prisma/migrations/<timestamp>_<name>/migration.sql from
// the difference between the existing migrations and prisma/schema.prisma.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { LOCKFILE_CONTENT, MIGRATIONS_DIR, diffSchemaAgainstMigrations } from "./lib/schema-engine";
import { runScript } from "./lib/run-script";

runScript(async () => {
  const name = (process.argv[2] ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!name) throw new Error("Usage: npm run db:migration -- <name>   (for example: add_request_tags)");

  const sql = await diffSchemaAgainstMigrations();
  if (!sql) {
    console.log("No changes: the migrations already match prisma/schema.prisma.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "migration.sql"), sql);
  const lockfile = join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!existsSync(lockfile)) await writeFile(lockfile, LOCKFILE_CONTENT);
  console.log(`Wrote ${join(dir, "migration.sql")}`);
});
