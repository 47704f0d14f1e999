// Started by Playwright (playwright.config.ts `webServer`): a fresh database with the demo data,
// and the built app on it, exactly as `npm start` runs it.
import { randomBytes } from "node:crypto";
import { serve } from "../../scripts/lib/serve";
import { runScript } from "../../scripts/lib/run-script";
import { createTestDatabase } from "./test-database";

// playwright.config.ts passes the same port.
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

// Browser tests read the demo data as it was written: no automation pass may remind or solve under them.
process.env.AUTOMATION_INTERVAL_SECONDS = "0";

runScript(async () => {
  const testDatabase = await createTestDatabase();
  console.log(`Browser tests use a fresh database: ${testDatabase.description}`);
  process.exitCode = await serve({
    mode: "start",
    database: { ...testDatabase, embedded: false, stop: () => testDatabase.drop() },
    port: E2E_PORT,
    seedWhenEmpty: true,
    authSecret: randomBytes(32).toString("base64url"),
  });
});
