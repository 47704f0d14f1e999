// npm start — runs Portico: on DATABASE_URL when set, else on the embedded database in .data/
// (created, migrated and filled with demo data on first start). `npm run dev` (--dev) runs the
// development server the same way.
import { readEnvironment } from "../src/config/env";
import { runScript } from "./lib/run-script";
import { resolveAuthSecret, serve } from "./lib/serve";
import { openTargetDatabase } from "./lib/target-database";

runScript(async () => {
  const env = readEnvironment();
  const database = await openTargetDatabase();
  try {
    const authSecret = resolveAuthSecret(database);
    const mode = process.argv.includes("--dev") ? "dev" : "start";
    process.exitCode = await serve({ mode, database, port: env.PORT, seedWhenEmpty: database.embedded, authSecret });
  } catch (error) {
    await database.stop();
    throw error;
  }
});
