import { afterAll } from "vitest";
import { releaseProcessDatabase } from "./process-database";

// Run before every test file (vitest.config.ts). The files share their worker process, so what one leaves in it
// must not reach the next: the environment it changed, and the process-wide database client it pointed at its
// own database, which is dropped after it.

const environment = { ...process.env };

afterAll(async () => {
  await releaseProcessDatabase();
  process.env = { ...environment };
});
