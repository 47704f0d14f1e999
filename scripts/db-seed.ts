// npm run db:seed — writes the demo data (idempotent) to DATABASE_URL or the embedded database.
import { applyMigrations } from "./lib/schema-engine";
import { runScript } from "./lib/run-script";
import { seedDatabase } from "./lib/seed";
import { withTargetDatabase } from "./lib/target-database";

runScript(() =>
  withTargetDatabase(async (database) => {
    console.log(`Database: ${database.description}`);
    await applyMigrations(database.url);
    const summary = await seedDatabase(database.url, database.poolMax);
    console.log("Demo data in place:", summary);
  }),
);
