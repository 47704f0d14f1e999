// What `npm start` does to its database before serving, in a process of its own: the migrations, and
// on a first start the demo data. The schema engine and the database client stay in this short-lived
// process, so the one that stays beside the server for as long as it runs holds none of them.
//
// Started by scripts/lib/serve.ts with an IPC channel; answers { demo } (whether the suggested demo
// accounts exist) and exits.

import { runScript } from "./lib/run-script";
import { step } from "./lib/progress";
import { applyMigrations } from "./lib/schema-engine";
import { hasDemoAccounts, isEmptyDatabase, seedDatabase } from "./lib/seed";

export interface PrepareRequest {
  url: string;
  poolMax: number;
  seedWhenEmpty: boolean;
}

runScript(async () => {
  const request = JSON.parse(process.argv[2] ?? "") as PrepareRequest;
  await step("Migrating the database", () => applyMigrations(request.url), {
    summary: (applied) => (applied.length ? `applied ${applied.join(", ")}` : "already up to date"),
  });
  if (request.seedWhenEmpty && (await isEmptyDatabase(request.url, request.poolMax))) {
    await step("First start: writing the demo data", () => seedDatabase(request.url, request.poolMax));
  }
  const demo = await hasDemoAccounts(request.url, request.poolMax);
  const send = process.send?.bind(process);
  if (!send) throw new Error("scripts/prepare-database.ts answers over an IPC channel: it is started by scripts/lib/serve.ts.");
  await new Promise<void>((sent, failed) => send({ demo }, (error: Error | null) => (error ? failed(error) : sent())));
});
