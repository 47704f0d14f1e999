// Serves the built app on the benchmark database, exactly as `npm start` would (building into
// PORTICO_BUILD_DIR first when the sources changed). bench/page.ts starts this and stops it with
// SIGTERM; it can also be run by hand to look at the big dataset in a browser:
//
//   PORTICO_BUILD_DIR=.next-bench BENCH_PORT=3204 npx tsx bench/serve-app.ts
//
// The session secret is random per start (NEXTAUTH_SECRET when set), so sign in again after a restart.

import { randomBytes } from "node:crypto";
import { runScript } from "../scripts/lib/run-script";
import { serve } from "../scripts/lib/serve";
import { benchDatabaseUrl, databaseName, DEFAULT_BENCH_PORT } from "./lib/bench-database";

runScript(async () => {
  const url = benchDatabaseUrl();
  process.exitCode = await serve({
    mode: "start",
    database: { url, poolMax: 10, description: `benchmark database ${databaseName(url)}`, embedded: false, stop: async () => {} },
    port: Number(process.env.BENCH_PORT ?? DEFAULT_BENCH_PORT),
    seedWhenEmpty: false,
    authSecret: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
  });
});
