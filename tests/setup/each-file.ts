import { afterAll } from "vitest";
import { releaseProcessDatabase } from "./process-database";

// Run before every test file (vitest.config.ts). The files share their worker process, so what one leaves in it
// must not reach the next: the environment it changed, and the process-wide database client it pointed at its
// own database, which is dropped after it.

// Some files swap process.env for a copy and back; the process's own object is what Node and child processes
// read, so it is kept from the worker's first file on and put back in place.
const worker = globalThis as typeof globalThis & { porticoProcessEnvironment?: NodeJS.ProcessEnv };
worker.porticoProcessEnvironment ??= process.env;
const environment = { ...process.env };

afterAll(async () => {
  await releaseProcessDatabase();
  const own = worker.porticoProcessEnvironment!;
  for (const name of Object.keys(own)) if (!(name in environment)) delete own[name];
  Object.assign(own, environment);
  process.env = own;
});
