// The raw-SQL floor of bench/load.ts: a minimal Node server that, for each case, sends exactly the
// statements the app sent for it (captured from PostgreSQL's log into bench/results/floor-statements.json)
// over plain `pg` with a pool of 10, as the app's pool, and answers with the rows as minimal HTML (JSON for
// the API's cases). What the app spends beyond this is its own: rendering, its framework, its driver.
//
//   npx tsx bench/floor.ts [--port 3225] [--statements bench/results/floor-statements.json]
//
// GET /<case> serves a case; GET / answers "ok" once listening. bench/load.ts starts and stops it.

import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { PROJECT_ROOT } from "../scripts/lib/project-root";
import { CONNECTION_OPTIONS } from "../src/server/db/connection-options";
import { runScript } from "../scripts/lib/run-script";
import { benchDatabaseUrl } from "./lib/bench-database";
import { renderAnswer, runCase, type FloorFile } from "./lib/floor-statements";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "3225" },
    statements: { type: "string", default: "bench/results/floor-statements.json" },
  },
});

runScript(async () => {
  const file = JSON.parse(readFileSync(resolve(PROJECT_ROOT, args.statements), "utf8")) as FloorFile;
  const cases = new Map(file.cases.filter((one) => one.replay).map((one) => [`/${one.name}`, one]));
  // The app's connection settings, so that both send the same statements to the same server.
  const pool = new pg.Pool({ connectionString: benchDatabaseUrl(), max: 10, options: CONNECTION_OPTIONS });
  const reported = new Set<string>();
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0]!;
    if (path === "/") return void response.end("ok");
    const floorCase = cases.get(path);
    if (!floorCase) {
      response.statusCode = 404;
      return void response.end();
    }
    runCase(pool, floorCase).then(
      (results) => {
        response.setHeader("content-type", floorCase.answer === "json" ? "application/json" : "text/html; charset=utf-8");
        response.end(renderAnswer(floorCase, results));
      },
      (error: unknown) => {
        // Once per case: under load the same failure would repeat on every request.
        if (!reported.has(path)) process.stderr.write(`floor ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
        reported.add(path);
        response.statusCode = 500;
        response.end();
      },
    );
  });
  await new Promise<void>((done) => server.listen(Number(args.port), done));
  await new Promise((done) => {
    process.once("SIGTERM", done);
    process.once("SIGINT", done);
  });
  server.close();
  server.closeAllConnections();
  await pool.end();
});
