// npm run db:migrate — applies prisma/migrations/ to DATABASE_URL or the embedded database.
import { applyMigrations } from "./lib/schema-engine";
import { runScript } from "./lib/run-script";
import { withTargetDatabase } from "./lib/target-database";

runScript(() =>
  withTargetDatabase(async (database) => {
    console.log(`Database: ${database.description}`);
    const applied = await applyMigrations(database.url);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Already up to date.");
  }),
);
