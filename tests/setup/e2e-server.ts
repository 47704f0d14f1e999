// Started by Playwright (playwright.config.ts `webServer`): a fresh database with the demo data,
// and the built app on it, exactly as `npm start` runs it, with mail going out to a real SMTP server
// (tests/setup/smtp-sink.ts) and coming in through Portico's own SMTP receiver.
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { serve } from "../../scripts/lib/serve";
import { runScript } from "../../scripts/lib/run-script";
import { announceE2eDatabase } from "./e2e-database";
import { E2E_INBOUND_SMTP_PORT, E2E_MAIL_DIRECTORY } from "./e2e-mail";
import { startSmtpSink } from "./smtp-sink";
import { createTestDatabase } from "./test-database";

// playwright.config.ts passes the same port.
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

// Browser tests read the demo data as it was written: no automation pass may remind or solve under them.
process.env.AUTOMATION_INTERVAL_SECONDS = "0";
// The specs' webhook receivers listen on loopback.
process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";

runScript(async () => {
  // Mail goes both ways for real: out to an SMTP sink whose folder the tests read, in through Portico's own receiver.
  await rm(E2E_MAIL_DIRECTORY, { recursive: true, force: true });
  const sink = await startSmtpSink({ directory: E2E_MAIL_DIRECTORY });
  process.env.SMTP_URL = sink.url;
  process.env.INBOUND_SMTP_PORT = String(E2E_INBOUND_SMTP_PORT);
  process.env.MAIL_FROM = "Portico Support <support@portico.test>";
  const testDatabase = await createTestDatabase();
  console.log(`Browser tests use a fresh database: ${testDatabase.description}`);
  // Fixed per run and announced with the database, so that a spec can start a second instance that accepts the same sign-ins.
  const authSecret = randomBytes(32).toString("base64url");
  const forget = announceE2eDatabase(E2E_PORT, testDatabase.url, { authSecret, poolMax: testDatabase.poolMax });
  process.exitCode = await serve({
    mode: "start",
    database: {
      ...testDatabase,
      embedded: false,
      stop: async () => {
        forget();
        await testDatabase.drop();
      },
    },
    port: E2E_PORT,
    seedWhenEmpty: true,
    authSecret,
  });
});
