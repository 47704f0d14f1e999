// The app under load, case by case, at several concurrencies: starts the app as `npm start` does
// (bench/serve-app.ts: the production build, one process) on the benchmark database, signs in carol
// (a customer with organization-wide access) and the agent, makes API tokens, and drives each case
// with wrk (`apt-get install wrk`) at each concurrency, the cases interleaved in rotating order so
// that the machine's other work falls on all of them alike. For each: req/s, p50/p95/p99, answers
// that failed, and the CPU each request cost the app and PostgreSQL, with the app's memory.
//
//   npx tsx bench/load.ts [--seconds 10] [--rounds 2] [--concurrency 1,16,64] [--cases page-org,…]
//
// Cases (carol@acme.test unless said): the Organization list, its common-word, rare-word and Korean
// searches, a request page with six replies, the agent queue (default view and a search, as the
// agent), the API's list (first page and page 200 by cursor) and a reply written through the API
// (the write path: a public reply by the requester). PORTICO_BUILD_DIR (default .next-bench-load) and
// BENCH_PORT (default 3224). Writes bench/results/load.md and prints it. Localhost only.
//
// Between runs it waits until the app and PostgreSQL are idle again (what wrk left in flight is
// still being served), so no case pays for the one before it.
//
// Not yet here: the raw-SQL floor (a minimal server sending the statements the app sends), and two
// instances behind a proxy.

import "./lib/allow-server-only";
import { spawn } from "node:child_process";
import os from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runScript } from "../scripts/lib/run-script";
import { PROJECT_ROOT } from "../scripts/lib/project-root";
import { benchToken, deepPage } from "./lib/api-client";
import { processTreeCpuSeconds, processTreeMemory, responds, signIn, stopProcess, waitUntilAnswering } from "./lib/app-process";
import { benchDatabaseUrl, databaseName, readBenchMeta, withClient } from "./lib/bench-database";
import { cpuSecondsOfProcessesNamed } from "./lib/load";
import { writeReport } from "./lib/report";
import { ms } from "./lib/stats";
import { SEARCH_WORDS } from "./lib/words";
import { hasWrk, runWrk, type WrkResult, type WrkTarget } from "./lib/wrk";

const DEFAULT_PORT = 3224;
const READY_TIMEOUT_MS = 15 * 60_000;
const WARMUP_SECONDS = 2;
const TOKEN_NAME = "bench/load.ts";
/** Idle enough to measure: the app and PostgreSQL together busy less than this share of one core. */
const SETTLED_SHARE = 0.1;
const SETTLE_LIMIT_MS = 180_000;

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    rounds: { type: "string", default: "2" },
    concurrency: { type: "string", default: "1,16,64" },
    cases: { type: "string" },
  },
});

interface Case extends WrkTarget {
  name: string;
  title: string;
}

interface Measured {
  result: WrkResult;
  appCpuSeconds: number;
  databaseCpuSeconds: number;
}

runScript(async () => {
  if (!(await hasWrk())) throw new Error("bench/load.ts drives the app with wrk: install it first (apt-get install wrk).");
  const url = benchDatabaseUrl();
  const meta = await withClient(url, readBenchMeta);
  if (meta?.complete !== "yes") throw new Error(`No benchmark data in ${databaseName(url)}: run \`npx tsx bench/generate.ts\` first.`);
  const readToken = await benchToken(url, "carol@acme.test", TOKEN_NAME, "read");
  const writeToken = await benchToken(url, "alice@acme.test", `${TOKEN_NAME} (write)`, "write");
  const { requestWithReplies, aliceRequests } = await withClient(url, async (client) => {
    // A request of Acme's with six public replies, for its page; one of alice's to reply on.
    const withReplies = await client.query<{ id: number }>(
      `SELECT r.id FROM "Request" r WHERE r."organizationId" = 'seed-org-acme'
         AND (SELECT count(*) FROM "Comment" c WHERE c."requestId" = r.id AND c.visibility = 'public') = 6 ORDER BY r.id DESC LIMIT 1`,
    );
    // Replies go to many of alice's requests in turn: concurrent replies to one request would be refused as conflicting changes.
    const alices = await client.query<{ id: number }>(`SELECT id FROM "Request" WHERE "requesterId" = 'seed-user-alice' AND "mergedIntoId" IS NULL ORDER BY id DESC LIMIT 500`);
    return { requestWithReplies: withReplies.rows[0]?.id, aliceRequests: alices.rows.map((row) => row.id) };
  });
  if (!requestWithReplies || aliceRequests.length === 0) throw new Error("The benchmark data has no request with six replies, or none of alice's");

  const buildDir = process.env.PORTICO_BUILD_DIR || ".next-bench-load";
  const port = Number(process.env.BENCH_PORT || DEFAULT_PORT);
  const base = `http://localhost:${port}`;
  if (await responds(`${base}/api/auth/csrf`)) throw new Error(`Something already listens on port ${port}; set BENCH_PORT to a free port.`);
  const env: NodeJS.ProcessEnv = { ...process.env, PORTICO_BUILD_DIR: buildDir, BENCH_PORT: String(port), API_RATE_LIMIT_PER_MINUTE: "1000000" };
  delete env.NEXTAUTH_URL;
  delete env.DATABASE_URL;
  const app = spawn(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "bench/serve-app.ts")], { cwd: PROJECT_ROOT, env, stdio: ["ignore", 2, 2] });
  try {
    await waitUntilAnswering(app, `${base}/api/auth/csrf`, READY_TIMEOUT_MS);
    const carol = { cookie: (await signIn(base, "carol@acme.test")).header() };
    const agent = { cookie: (await signIn(base, "agent@portico.test")).header() };
    const api = { authorization: `Bearer ${readToken}` };
    const apiFirst = `${base}/api/v1/requests?scope=organization&limit=25`;
    const search = (word: string) => `${base}/requests?scope=organization&q=${encodeURIComponent(word)}`;
    const all: Case[] = [
      { name: "page-org", title: "My Requests, Organization, first page", url: `${base}/requests?scope=organization`, headers: carol },
      { name: "search-common", title: `search, common word "${SEARCH_WORDS.common}" (Organization)`, url: search(SEARCH_WORDS.common), headers: carol },
      { name: "search-rare", title: `search, rare word "${SEARCH_WORDS.rare}"`, url: search(SEARCH_WORDS.rare), headers: carol },
      { name: "search-korean", title: `search, Korean "${SEARCH_WORDS.korean}"`, url: search(SEARCH_WORDS.korean), headers: carol },
      { name: "request-page", title: `request page with 6 replies (#${requestWithReplies})`, url: `${base}/requests/${requestWithReplies}`, headers: carol },
      { name: "queue", title: "agent queue, default view (agent)", url: `${base}/agent`, headers: agent },
      { name: "queue-search", title: `agent queue, search "${SEARCH_WORDS.common}" (agent)`, url: `${base}/agent?q=${SEARCH_WORDS.common}`, headers: agent },
      { name: "api-first", title: "API list, Organization, first page", url: apiFirst, headers: api },
      { name: "api-deep", title: "API list, page 200 by cursor", url: apiFirst, headers: api },
      {
        name: "reply",
        title: `a reply by API (alice, on ${aliceRequests.length} of her requests in turn; the write path)`,
        url: `${base}/api/v1/requests/${aliceRequests[0]}/messages`,
        paths: aliceRequests.map((id) => `/api/v1/requests/${id}/messages`),
        method: "POST",
        headers: { authorization: `Bearer ${writeToken}`, "content-type": "application/json" },
        body: JSON.stringify({ body: "Still happening on our side, with the same workspace." }),
      },
    ];
    const chosen = args.cases?.split(",") ?? all.map((one) => one.name);
    const cases = all.filter((one) => chosen.includes(one.name));
    const deep = cases.find((one) => one.name === "api-deep");
    if (deep) deep.url = await deepPage(apiFirst, api, 200);
    for (const one of cases.filter((candidate) => candidate.method !== "POST")) {
      const response = await fetch(one.url, { headers: one.headers, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${one.name}: GET ${one.url} answered ${response.status}`);
    }

    const concurrencies = args.concurrency.split(",").map(Number);
    const rounds = Number(args.rounds);
    const roundSeconds = Math.max(1, Math.round(Number(args.seconds) / rounds));
    const results = new Map<string, Measured[]>();
    const memory: number[] = [];
    const sampler = setInterval(() => app.pid && memory.push(processTreeMemory(app.pid).rssMiB), 500);
    const started = { load: os.loadavg(), at: new Date() };
    for (const concurrency of concurrencies) {
      for (const one of cases) {
        await settle(app.pid);
        await runWrk(one, concurrency, WARMUP_SECONDS);
      }
      for (let round = 0; round < rounds; round++) {
        for (let i = 0; i < cases.length; i++) {
          const one = cases[(i + round) % cases.length]!;
          await settle(app.pid);
          const appBefore = app.pid ? processTreeCpuSeconds(app.pid) : 0;
          const databaseBefore = cpuSecondsOfProcessesNamed("postgres");
          const result = await runWrk(one, concurrency, roundSeconds);
          const measured = {
            result,
            appCpuSeconds: (app.pid ? processTreeCpuSeconds(app.pid) : 0) - appBefore,
            databaseCpuSeconds: cpuSecondsOfProcessesNamed("postgres") - databaseBefore,
          };
          const key = `${one.name}@${concurrency}`;
          results.set(key, [...(results.get(key) ?? []), measured]);
          process.stderr.write(`c=${concurrency} round ${round + 1}/${rounds} ${one.name}: ${result.requestsPerSecond.toFixed(1)} req/s, p95 ${ms(result.p95Ms)} ms\n`);
        }
      }
    }
    clearInterval(sampler);
    const report = renderReport({ cases, concurrencies, rounds, roundSeconds, results, memory, meta, started, buildDir });
    writeReport("bench/results/load.md", report);
  } finally {
    await stopProcess(app, 20_000);
  }
});

/**
 * Waits until the app and PostgreSQL are idle: wrk stops at its deadline, but the requests it leaves
 * in flight are still served (and their queries run) after it, and would fall on the next case.
 */
async function settle(appPid: number | undefined): Promise<void> {
  const busy = () => (appPid ? processTreeCpuSeconds(appPid) : 0) + cpuSecondsOfProcessesNamed("postgres");
  const deadline = Date.now() + SETTLE_LIMIT_MS;
  while (Date.now() < deadline) {
    const before = busy();
    await new Promise((done) => setTimeout(done, 1000));
    if (busy() - before < SETTLED_SHARE) return;
  }
  process.stderr.write("The app did not settle within 3 minutes; measuring anyway.\n");
}

/** The rounds of one case at one concurrency as one: requests and time added, latencies as the median round's. */
function combined(measured: Measured[]) {
  const requests = measured.reduce((sum, one) => sum + one.result.requests, 0);
  const errors = measured.reduce((sum, one) => sum + one.result.errors, 0);
  const seconds = measured.reduce((sum, one) => sum + one.result.seconds, 0);
  const ok = requests - errors;
  const middle = (pick: (result: WrkResult) => number) => {
    const values = measured.map((one) => pick(one.result)).sort((a, b) => a - b);
    return values[Math.floor((values.length - 1) / 2)] ?? 0;
  };
  const perRequest = (seconds: number) => (ok > 0 ? (seconds * 1000) / ok : 0);
  return {
    requestsPerSecond: seconds > 0 ? ok / seconds : 0,
    p50Ms: middle((result) => result.p50Ms),
    p95Ms: middle((result) => result.p95Ms),
    p99Ms: middle((result) => result.p99Ms),
    errors,
    appMsPerRequest: perRequest(measured.reduce((sum, one) => sum + one.appCpuSeconds, 0)),
    databaseMsPerRequest: perRequest(measured.reduce((sum, one) => sum + one.databaseCpuSeconds, 0)),
    bytes: middle((result) => result.bytes),
  };
}

function renderReport(run: {
  cases: Case[];
  concurrencies: number[];
  rounds: number;
  roundSeconds: number;
  results: Map<string, Measured[]>;
  memory: number[];
  meta: Record<string, string>;
  started: { load: number[]; at: Date };
  buildDir: string;
}): string {
  const cpus = os.cpus();
  const sortedMemory = [...run.memory].sort((a, b) => a - b);
  const medianMemory = sortedMemory[Math.floor((sortedMemory.length - 1) / 2)] ?? 0;
  const lines = [
    "# The app under load, case by case",
    "",
    `Run ${run.started.at.toISOString()} by \`npx tsx bench/load.ts${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(" ")}` : ""}\` (production build in ${run.buildDir}, \`next start\`, one process, database pool 10), load from wrk.`,
    "",
    `- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM; PostgreSQL, the app and wrk on the same machine. Load average before ${run.started.load.map((value) => value.toFixed(1)).join(" / ")}, after ${os
      .loadavg()
      .map((value) => value.toFixed(1))
      .join(" / ")}`,
    `- Data: ${run.meta.requestsTotal} requests, Acme ${run.meta.acmeRequests} (carol's Organization scope); ${run.meta.publicReplies} public replies; database ${run.meta.databaseSize}`,
    `- Each case ${run.rounds} × ${run.roundSeconds} s per concurrency after ${WARMUP_SECONDS} s of warm-up, interleaved in rotating order. req/s counts answers without error; latencies are wrk's over each round (the median round's). CPU per request: the app's process tree and every PostgreSQL process (the whole server), over the case's rounds, per successful answer`,
    `- The app's memory (resident, its process tree) over the whole run: median ${medianMemory.toFixed(0)} MiB, peak ${Math.max(0, ...run.memory).toFixed(0)} MiB`,
    "",
    "| case | c | req/s | p50 ms | p95 ms | p99 ms | errors | app CPU ms/req | PostgreSQL CPU ms/req | bytes/answer |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const one of run.cases) {
    for (const concurrency of run.concurrencies) {
      const measured = run.results.get(`${one.name}@${concurrency}`);
      if (!measured) continue;
      const row = combined(measured);
      if (row.requestsPerSecond === 0 && row.errors === 0) {
        // wrk counts what was answered; requests still in flight at its deadline are neither answers nor errors.
        lines.push(`| ${one.title} | ${concurrency} | 0 | — | — | — | none answered within ${run.roundSeconds} s | — | — | — |`);
        continue;
      }
      lines.push(
        `| ${one.title} | ${concurrency} | ${row.requestsPerSecond.toFixed(1)} | ${ms(row.p50Ms)} | ${ms(row.p95Ms)} | ${ms(row.p99Ms)} | ${row.errors} | ${row.appMsPerRequest.toFixed(1)} | ${row.databaseMsPerRequest.toFixed(1)} | ${row.bytes.toFixed(0)} |`,
      );
    }
  }
  lines.push("");
  return lines.join("\n");
}
