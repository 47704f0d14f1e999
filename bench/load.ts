// The app under load, case by case, at several concurrencies: starts the app as `npm start` does
// (bench/serve-app.ts: the production build, one process) on the benchmark database, signs in carol
// (a customer with organization-wide access) and the agent, makes API tokens, and drives each case
// with wrk (`apt-get install wrk`) at each concurrency, the cases interleaved in rotating order so
// that the machine's other work falls on all of them alike. For each: req/s, p50/p95/p99, answers
// that failed, and the CPU each request cost the app and PostgreSQL, with the app's memory.
//
//   npx tsx bench/load.ts [--seconds 10] [--rounds 2] [--concurrency 1,16,64] [--cases page-org,…] [--instances 2] [--node /path/to/node] [--out bench/results/….md]
//
// Cases (carol@acme.test unless said): the Organization list, its common-word, rare-word and Korean
// searches, a request page with six replies, the agent queue (default view, its live refresh — the server
// components alone, as an open queue asks for them on a change — and a search, as the agent), the API's
// list (first page, page 200 by cursor, a common-word and a Korean search) and a reply written through the
// API (the write path: a public reply by the requester). PORTICO_BUILD_DIR (default .next-bench-load) and
// BENCH_PORT (default 3224), BENCH_FLOOR_PORT (default BENCH_PORT + 1). Writes bench/results/load.md and
// prints it. Localhost only.
//
// With --instances 2, the app is two instances (the second on BENCH_FLOOR_PORT + 1) behind nginx
// (deploy/nginx.conf, on BENCH_FLOOR_PORT + 2; tests/setup/nginx.ts runs it unprivileged), as
// docs/deploy.md runs them: wrk drives the proxy, the app's CPU counts both instances and nginx, and the
// report is bench/results/load-2-instances.md. The floor stays one process.
//
// With --node, the app runs on that Node.js binary instead of this one (to compare Node.js releases on the
// same build); the floor and wrk's driver stay on this one. The report names the app's version.
//
// Beside the app, each case runs on the raw-SQL floor (bench/floor.ts): a minimal server sending exactly
// the statements the app sent for that case over plain `pg`, so that what the app spends beyond its SQL
// shows. The statements are captured at every run, before measuring: each case's request is served a few
// times with PostgreSQL's statement logging switched on for the moment (ALTER SYSTEM, reset afterwards even
// on failure: this needs a superuser and read access to the server's log, see bench/lib/statement-log.ts),
// and written to bench/results/floor-statements.json. Within each round a case runs Portico, floor, floor,
// Portico, each half the round's time. The reply (a write) is captured but not replayed: see its `why`.
//
// Between runs it waits until the app, the floor and PostgreSQL are idle again (what wrk left in flight is
// still being served), so no case pays for the one before it.

import "./lib/allow-server-only";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { runScript } from "../scripts/lib/run-script";
import { PROJECT_ROOT } from "../scripts/lib/project-root";
import { startNginx, type Proxy } from "../tests/setup/nginx";
import { benchToken, deepPage } from "./lib/api-client";
import { nodeVersion, processTreeCpuSeconds, processTreeMemory, responds, signIn, startServedApp, stopProcess, waitUntilAnswering } from "./lib/app-process";
import { benchDatabaseUrl, requestWithSixReplies, requireBenchData, withClient } from "./lib/bench-database";
import { captureStatements, type FloorCase, type FloorFile } from "./lib/floor-statements";
import { cpuSecondsOfProcessesNamed } from "./lib/load";
import { writeReport } from "./lib/report";
import { ms } from "./lib/stats";
import { SEARCH_WORDS } from "./lib/words";
import { hasWrk, runWrk, type WrkResult, type WrkTarget } from "./lib/wrk";

const DEFAULT_PORT = 3224;
const WARMUP_SECONDS = 2;
const TOKEN_NAME = "bench/load.ts";
/** Idle enough to measure: the app and PostgreSQL together busy less than this share of one core. */
const SETTLED_SHARE = 0.1;
const SETTLE_LIMIT_MS = 180_000;
const FLOOR_STATEMENTS = "bench/results/floor-statements.json";
const REPLY_NOT_REPLAYED =
  "a write. Replayed as captured, its INSERTs would repeat the ids the app generated (the comment's and the mail's, unique keys), its form " +
  "submission's key would be one already used (ON CONFLICT DO NOTHING: no work), and its UPDATE of the request checks the version it had read, stale " +
  "on a replay (no row changed). Substituting those per request would be the floor's own logic, not the app's statements: captured, to read, not replayed.";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    rounds: { type: "string", default: "2" },
    concurrency: { type: "string", default: "1,16,64" },
    cases: { type: "string" },
    // 2: two instances of the app behind nginx (deploy/nginx.conf), as docs/deploy.md runs them.
    instances: { type: "string", default: "1" },
    // The Node.js binary that runs the app (default: the one running this script).
    node: { type: "string" },
    // Where the report goes; by default bench/results/load.md, or load-2-instances.md with --instances 2.
    out: { type: "string" },
  },
});

interface Case extends WrkTarget {
  name: string;
  title: string;
  answer: "html" | "json";
  noReplay?: string;
}

type Side = "app" | "floor";

interface Measured {
  result: WrkResult;
  /** The server's process tree: the app's, or the floor's. */
  serverCpuSeconds: number;
  databaseCpuSeconds: number;
}

runScript(async () => {
  if (!(await hasWrk())) throw new Error("bench/load.ts drives the app with wrk: install it first (apt-get install wrk).");
  const url = benchDatabaseUrl();
  const meta = await requireBenchData(url);
  const readToken = await benchToken(url, "carol@acme.test", TOKEN_NAME, "read");
  const writeToken = await benchToken(url, "alice@acme.test", `${TOKEN_NAME} (write)`, "write");
  const { requestWithReplies, aliceRequests } = await withClient(url, async (client) => {
    // A request of Acme's with six public replies, for its page; one of alice's to reply on.
    const requestWithReplies = await requestWithSixReplies(client);
    // Replies go to many of alice's requests in turn: concurrent replies to one request would be refused as conflicting changes.
    const alices = await client.query<{ id: number }>(`SELECT id FROM "Request" WHERE "requesterId" = 'seed-user-alice' AND "mergedIntoId" IS NULL ORDER BY id DESC LIMIT 500`);
    return { requestWithReplies, aliceRequests: alices.rows.map((row) => row.id) };
  });
  if (aliceRequests.length === 0) throw new Error("The benchmark data has no request of alice's");

  const buildDir = process.env.PORTICO_BUILD_DIR || ".next-bench-load";
  const port = Number(process.env.BENCH_PORT || DEFAULT_PORT);
  const floorPort = Number(process.env.BENCH_FLOOR_PORT || port + 1);
  const floorBase = `http://localhost:${floorPort}`;
  if (await responds(floorBase)) throw new Error(`Something already listens on port ${floorPort}; set BENCH_FLOOR_PORT to a free port.`);
  const instances = Number(args.instances);
  if (instances !== 1 && instances !== 2) throw new Error("--instances is 1 or 2.");
  // The second instance and the proxy take the ports after the floor's.
  const secondPort = floorPort + 1;
  const proxyPort = floorPort + 2;
  // One session secret for every instance: a session begun on one is good on the other.
  const env = { API_RATE_LIMIT_PER_MINUTE: "1000000", NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url") };
  const node = args.node ?? process.execPath;
  const { base, app } = await startServedApp({ buildDir, port, env, node });
  let floor: ReturnType<typeof spawn> | undefined;
  let second: ChildProcess | undefined;
  let proxy: Proxy | undefined;
  try {
    if (instances === 2) {
      // Started once the first has built, so that it serves the same build.
      second = (await startServedApp({ buildDir, port: secondPort, env, node })).app;
      proxy = await startNginx({ port: proxyPort, upstreams: [port, secondPort] });
    }
    // What wrk drives as "the app": the one instance, or the proxy in front of both.
    const served = (target: WrkTarget): WrkTarget => (proxy ? { ...target, url: target.url.replace(base, proxy.baseURL) } : target);
    const appPids = [app.pid, second?.pid, proxy?.pid].filter((pid): pid is number => pid !== undefined);
    const carol = { cookie: (await signIn(base, "carol@acme.test")).header() };
    const agent = { cookie: (await signIn(base, "agent@portico.test")).header() };
    const api = { authorization: `Bearer ${readToken}` };
    const apiFirst = `${base}/api/v1/requests?scope=organization&limit=25`;
    const search = (word: string) => `${base}/requests?scope=organization&q=${encodeURIComponent(word)}`;
    const all: Case[] = [
      { name: "page-org", title: "My Requests, Organization, first page", url: `${base}/requests?scope=organization`, headers: carol, answer: "html" },
      { name: "search-common", title: `search, common word "${SEARCH_WORDS.common}" (Organization)`, url: search(SEARCH_WORDS.common), headers: carol, answer: "html" },
      { name: "search-rare", title: `search, rare word "${SEARCH_WORDS.rare}"`, url: search(SEARCH_WORDS.rare), headers: carol, answer: "html" },
      { name: "search-korean", title: `search, Korean "${SEARCH_WORDS.korean}"`, url: search(SEARCH_WORDS.korean), headers: carol, answer: "html" },
      { name: "request-page", title: `request page with 6 replies (#${requestWithReplies})`, url: `${base}/requests/${requestWithReplies}`, headers: carol, answer: "html" },
      { name: "queue", title: "agent queue, default view (agent)", url: `${base}/agent`, headers: agent, answer: "html" },
      // What an open, shown queue asks for on a live change (router.refresh()): the page's server components, without the HTML.
      { name: "queue-refresh", title: "agent queue, a live refresh (agent)", url: await serverComponentsUrl(`${base}/agent`, agent), headers: { ...agent, rsc: "1" }, answer: "html" },
      { name: "queue-search", title: `agent queue, search "${SEARCH_WORDS.common}" (agent)`, url: `${base}/agent?q=${SEARCH_WORDS.common}`, headers: agent, answer: "html" },
      { name: "api-first", title: "API list, Organization, first page", url: apiFirst, headers: api, answer: "json" },
      { name: "api-deep", title: "API list, page 200 by cursor", url: apiFirst, headers: api, answer: "json" },
      { name: "api-search-common", title: `API list, Organization, common word "${SEARCH_WORDS.common}"`, url: `${apiFirst}&q=${SEARCH_WORDS.common}`, headers: api, answer: "json" },
      { name: "api-search-korean", title: `API list, Organization, Korean "${SEARCH_WORDS.korean}"`, url: `${apiFirst}&q=${encodeURIComponent(SEARCH_WORDS.korean)}`, headers: api, answer: "json" },
      {
        name: "reply",
        title: `a reply by API (alice, on ${aliceRequests.length} of her requests in turn; the write path)`,
        url: `${base}/api/v1/requests/${aliceRequests[0]}/messages`,
        paths: aliceRequests.map((id) => `/api/v1/requests/${id}/messages`),
        method: "POST",
        headers: { authorization: `Bearer ${writeToken}`, "content-type": "application/json" },
        body: JSON.stringify({ body: "Still happening on our side, with the same workspace." }),
        answer: "json",
        noReplay: REPLY_NOT_REPLAYED,
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

    // The statements each case sends, captured now so that the floor follows the app's SQL as it changes.
    const captured = await captureStatements(cases, app.pid!, url);
    const floorFile = saveFloorStatements(captured, all.map((one) => one.name));
    for (const one of captured.cases) process.stderr.write(`${one.name}: ${one.statements} statements (${one.agreeing} captures alike)${one.replay ? "" : ", not replayed by the floor"}\n`);
    floor = spawn(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "bench/floor.ts"), "--port", String(floorPort), "--statements", FLOOR_STATEMENTS], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, BENCH_DATABASE_URL: url },
      stdio: ["ignore", 2, 2],
    });
    await waitUntilAnswering(floor, floorBase, 60_000);
    const floorTargets = new Map<string, WrkTarget>();
    for (const one of captured.cases.filter((candidate) => candidate.replay)) {
      const target = { url: `${floorBase}/${one.name}`, headers: {} };
      const response = await fetch(target.url);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`The floor answered ${response.status} for ${one.name}: see its message above.`);
      floorTargets.set(one.name, target);
    }
    const serverPids = (side: Side) => (side === "app" ? appPids : floor?.pid ? [floor.pid] : []);
    const cpuOf = (pids: number[]) => pids.reduce((sum, pid) => sum + processTreeCpuSeconds(pid), 0);

    const concurrencies = args.concurrency.split(",").map(Number);
    const rounds = Number(args.rounds);
    const roundSeconds = Math.max(1, Math.round(Number(args.seconds) / rounds));
    // Beside the floor, each side runs twice per round (Portico, floor, floor, Portico), half the time each.
    const halfSeconds = Math.max(1, Math.round(roundSeconds / 2));
    const results = new Map<string, Measured[]>();
    // Each instance's memory (its process tree, and the server process in it), sampled together.
    const memory: InstanceMemory[][] = [];
    const instancePids = [app.pid, second?.pid].filter((pid): pid is number => pid !== undefined);
    const sampler = setInterval(() => memory.push(instancePids.map((pid) => {
      const { rssMiB, serverMiB } = processTreeMemory(pid);
      return { tree: rssMiB, server: serverMiB };
    })), 500);
    const started = { load: os.loadavg(), at: new Date() };
    for (const concurrency of concurrencies) {
      for (const one of cases) {
        for (const target of [one, floorTargets.get(one.name)]) {
          if (!target) continue;
          await settle([...appPids, floor.pid]);
          await runWrk(target === one ? served(one) : target, concurrency, WARMUP_SECONDS);
        }
      }
      for (let round = 0; round < rounds; round++) {
        for (let i = 0; i < cases.length; i++) {
          const one = cases[(i + round) % cases.length]!;
          const floorTarget = floorTargets.get(one.name);
          // Portico, floor, floor, Portico: what the machine's other work does over the round falls on both alike.
          const runs: [Side, WrkTarget, number][] = floorTarget
            ? [
                ["app", served(one), halfSeconds],
                ["floor", floorTarget, halfSeconds],
                ["floor", floorTarget, halfSeconds],
                ["app", served(one), halfSeconds],
              ]
            : [["app", served(one), roundSeconds]];
          for (const [side, target, seconds] of runs) {
            await settle([...appPids, floor.pid]);
            const pids = serverPids(side);
            const serverBefore = cpuOf(pids);
            const databaseBefore = cpuSecondsOfProcessesNamed("postgres");
            const result = await runWrk(target, concurrency, seconds);
            const measured = {
              result,
              serverCpuSeconds: cpuOf(pids) - serverBefore,
              databaseCpuSeconds: cpuSecondsOfProcessesNamed("postgres") - databaseBefore,
            };
            const key = `${side}:${one.name}@${concurrency}`;
            results.set(key, [...(results.get(key) ?? []), measured]);
            process.stderr.write(
              `c=${concurrency} round ${round + 1}/${rounds} ${one.name} ${side === "app" ? "Portico" : "floor"}: ${result.requestsPerSecond.toFixed(1)} req/s, p95 ${ms(result.p95Ms)} ms, ${result.errors} errors\n`,
            );
          }
        }
      }
    }
    clearInterval(sampler);
    const report = renderReport({ cases, concurrencies, rounds, roundSeconds, halfSeconds, results, memory, meta, started, buildDir, floorFile, instances, nodeVersion: nodeVersion(node) });
    writeReport(args.out ?? (instances === 1 ? "bench/results/load.md" : `bench/results/load-${instances}-instances.md`), report);
  } finally {
    if (floor) await stopProcess(floor, 10_000);
    await proxy?.stop();
    if (second) await stopProcess(second, 20_000);
    await stopProcess(app, 20_000);
  }
});

/** Writes the captured statements, keeping the cases this run did not capture (a run with --cases) from the file as it was. */
function saveFloorStatements(captured: FloorFile, order: string[]): FloorFile {
  const path = resolve(PROJECT_ROOT, FLOOR_STATEMENTS);
  const previous = existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as FloorFile).cases : [];
  const byName = new Map<string, FloorCase>([...previous, ...captured.cases].map((one) => [one.name, one]));
  const file = { ...captured, cases: order.flatMap((name) => byName.get(name) ?? []) };
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
  return file;
}

/**
 * Waits until the app and PostgreSQL are idle: wrk stops at its deadline, but the requests it leaves
 * in flight are still served (and their queries run) after it, and would fall on the next case.
 */
async function settle(pids: (number | undefined)[]): Promise<void> {
  const busy = () => pids.reduce<number>((sum, pid) => sum + (pid ? processTreeCpuSeconds(pid) : 0), 0) + cpuSecondsOfProcessesNamed("postgres");
  const deadline = Date.now() + SETTLE_LIMIT_MS;
  while (Date.now() < deadline) {
    const before = busy();
    await new Promise((done) => setTimeout(done, 1000));
    if (busy() - before < SETTLED_SHARE) return;
  }
  process.stderr.write("The app, the floor and PostgreSQL did not settle within 3 minutes; measuring anyway.\n");
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
    serverMsPerRequest: perRequest(measured.reduce((sum, one) => sum + one.serverCpuSeconds, 0)),
    databaseMsPerRequest: perRequest(measured.reduce((sum, one) => sum + one.databaseCpuSeconds, 0)),
    bytes: middle((result) => result.bytes),
  };
}

/** One sample of an instance's resident memory, MiB: its whole process tree, and the server process in it. */
interface InstanceMemory {
  tree: number;
  server: number;
}

function renderReport(run: {
  cases: Case[];
  concurrencies: number[];
  rounds: number;
  roundSeconds: number;
  halfSeconds: number;
  results: Map<string, Measured[]>;
  /** Per sample, each instance's resident memory in MiB. */
  memory: InstanceMemory[][];
  instances: number;
  meta: Record<string, string>;
  started: { load: number[]; at: Date };
  buildDir: string;
  floorFile: FloorFile;
  /** The version of the Node.js that ran the app. */
  nodeVersion: string;
}): string {
  const cpus = os.cpus();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? 0;
  const totals = run.memory.map((sample) => sample.reduce((sum, one) => sum + one.tree, 0));
  const each = run.memory.flat().map((one) => one.tree);
  const servers = run.memory.flat().map((one) => one.server);
  const serving = run.instances === 1 ? "one process" : `${run.instances} instances of one process each behind nginx (deploy/nginx.conf)`;
  const floorCases = new Map(run.floorFile.cases.map((one) => [one.name, one]));
  const lines = [
    "# The app under load, case by case",
    "",
    `Run ${run.started.at.toISOString()} by \`npx tsx bench/load.ts${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(" ")}` : ""}\` (production build in ${run.buildDir}, \`next start\` on Node.js ${run.nodeVersion}, ${serving}, database pool 10 each), load from wrk.`,
    "",
    `- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM; PostgreSQL, the app, the floor and wrk on the same machine. Load average before ${run.started.load.map((value) => value.toFixed(1)).join(" / ")}, after ${os
      .loadavg()
      .map((value) => value.toFixed(1))
      .join(" / ")}`,
    `- Data: ${run.meta.requestsTotal} requests, Acme ${run.meta.acmeRequests} (carol's Organization scope); ${run.meta.publicReplies} public replies; database ${run.meta.databaseSize}`,
    `- Each case ${run.rounds} round(s) per concurrency after ${WARMUP_SECONDS} s of warm-up, interleaved in rotating order; in a round, a case with a floor runs Portico ${run.halfSeconds} s, the floor 2 × ${run.halfSeconds} s, Portico ${run.halfSeconds} s again, one without ${run.roundSeconds} s. ` +
      "req/s counts answers without error; latencies are wrk's over each run (the median run's). CPU per request: the server's process tree (the app's, or the floor's) and every PostgreSQL process (the whole server), over the case's runs, per successful answer",
    (run.instances === 1
      ? `- The app's memory (resident, its process tree) over the whole run: median ${median(totals).toFixed(0)} MiB, peak ${Math.max(0, ...totals).toFixed(0)} MiB`
      : `- The app's memory (resident, each instance's process tree) over the whole run: per instance median ${median(each).toFixed(0)} MiB, peak ${Math.max(0, ...each).toFixed(0)} MiB; both together median ${median(totals).toFixed(0)} MiB, peak ${Math.max(0, ...totals).toFixed(0)} MiB. App CPU per request counts both instances and nginx`) +
      `. Of each tree, the Next.js server process alone (the rest is the start script supervising it): median ${median(servers).toFixed(0)} MiB, peak ${Math.max(0, ...servers).toFixed(0)} MiB`,
    "",
    "| case | c | req/s | p50 ms | p95 ms | p99 ms | errors | app CPU ms/req | PostgreSQL CPU ms/req | bytes/answer |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const one of run.cases) {
    for (const concurrency of run.concurrencies) {
      const measured = run.results.get(`app:${one.name}@${concurrency}`);
      if (!measured) continue;
      const row = combined(measured);
      if (row.requestsPerSecond === 0 && row.errors === 0) {
        // wrk counts what was answered; requests still in flight at its deadline are neither answers nor errors.
        lines.push(`| ${one.title} | ${concurrency} | 0 | — | — | — | none answered within a run | — | — | — |`);
        continue;
      }
      lines.push(
        `| ${one.title} | ${concurrency} | ${row.requestsPerSecond.toFixed(1)} | ${ms(row.p50Ms)} | ${ms(row.p95Ms)} | ${ms(row.p99Ms)} | ${row.errors} | ${row.serverMsPerRequest.toFixed(1)} | ${row.databaseMsPerRequest.toFixed(1)} | ${row.bytes.toFixed(0)} |`,
      );
    }
  }
  lines.push(
    "",
    "## The raw-SQL floor",
    "",
    `The same statements as the app, from a minimal Node server (\`bench/floor.ts\`: plain \`pg\`, a pool of 10, the rows written out as minimal HTML, or JSON for the API): ` +
      `what each case would cost with no framework, rendering or query builder. The statements were captured from PostgreSQL's log while the app served each case, ` +
      `before this run's measurements, and are in \`${FLOOR_STATEMENTS}\` (transactions, parameters and protocol as the app sent them; statements the app had in flight at once are sent at once; ` +
      `left out: the ${run.floorFile.background.length} statement(s) its mail and webhook delivery jobs sent while it served nothing). ` +
      "× is the floor's req/s ÷ Portico's. CPU per request: the server's process tree, and PostgreSQL's.",
  );
  for (const concurrency of run.concurrencies) {
    lines.push(
      "",
      `| case | statements | Portico req/s c=${concurrency} | floor req/s c=${concurrency} | × | Portico p95 ms | floor p95 ms | app CPU ms/req | floor CPU ms/req | PostgreSQL CPU ms/req, Portico / floor | floor errors |`,
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    );
    for (const one of run.cases) {
      const appMeasured = run.results.get(`app:${one.name}@${concurrency}`);
      if (!appMeasured) continue;
      const app = combined(appMeasured);
      const floorCase = floorCases.get(one.name);
      const statements = floorCase?.statements ?? "—";
      const floorMeasured = run.results.get(`floor:${one.name}@${concurrency}`);
      if (!floorMeasured) {
        lines.push(`| ${one.title} | ${statements} | ${app.requestsPerSecond.toFixed(1)} | no floor (a write, see below) | — | ${ms(app.p95Ms)} | — | ${app.serverMsPerRequest.toFixed(1)} | — | ${app.databaseMsPerRequest.toFixed(1)} / — | — |`);
        continue;
      }
      const floor = combined(floorMeasured);
      // wrk counts what was answered: a case slower than a run shows none, neither answers nor errors.
      const answered = (row: ReturnType<typeof combined>) => row.requestsPerSecond > 0 || row.errors > 0;
      const rate = (row: ReturnType<typeof combined>) => (answered(row) ? row.requestsPerSecond.toFixed(1) : "none in a run");
      const p95 = (row: ReturnType<typeof combined>) => (answered(row) ? ms(row.p95Ms) : "—");
      const cpu = (row: ReturnType<typeof combined>, value: number) => (answered(row) ? value.toFixed(1) : "—");
      const ratio = answered(app) && answered(floor) && app.requestsPerSecond > 0 ? (floor.requestsPerSecond / app.requestsPerSecond).toFixed(1) : "—";
      lines.push(
        `| ${one.title} | ${statements} | ${rate(app)} | ${rate(floor)} | ${ratio} | ${p95(app)} | ${p95(floor)} | ${cpu(app, app.serverMsPerRequest)} | ${cpu(floor, floor.serverMsPerRequest)} | ` +
          `${cpu(app, app.databaseMsPerRequest)} / ${cpu(floor, floor.databaseMsPerRequest)} | ${floor.errors} |`,
      );
    }
  }
  const notReplayed = run.cases.map((one) => floorCases.get(one.name)).filter((one): one is FloorCase => Boolean(one && !one.replay));
  if (notReplayed.length > 0) lines.push("");
  for (const one of notReplayed) lines.push(`- No floor for ${one.title}: ${one.why ?? ""}`);
  lines.push("");
  return lines.join("\n");
}

/**
 * The address the router fetches a page's server components from: the framework answers such a request
 * with a redirect to the page's address with its cache-busting parameter added, which the browser's
 * router computes itself.
 */
async function serverComponentsUrl(url: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(url, { headers: { ...headers, rsc: "1" }, redirect: "manual" });
  const location = response.headers.get("location");
  if (response.status !== 307 || !location) return url;
  return new URL(location, url).href;
}
