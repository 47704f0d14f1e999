// Throughput of the Requests API's list endpoint beside the My Requests page's, on the benchmark
// database: builds (when needed) and starts the app through bench/serve-app.ts, gives carol@acme.test
// a read-only API token (written into the benchmark database, as the API tokens page would) and signs
// her in for the page, then drives each target from 16 concurrent workers for ~20 s, in interleaved
// rounds so that the machine's other work falls on all of them alike:
//
// - GET /api/v1/requests?scope=organization&limit=25 — the first page of Acme's 20,000 requests;
// - the same at depth (page 200 by default), by the cursor the API handed out;
// - GET /requests?scope=organization — the page, server-rendered HTML.
//
//   npx tsx bench/api.ts [--seconds 20] [--rounds 4] [--concurrency 16] [--depth 200] [--email carol@acme.test]
//                        [--targets api-first,api-deep,page]
//
// PORTICO_BUILD_DIR (default .next-bench-api) and BENCH_PORT (default 3214) keep this build and port
// apart from bench/page.ts's. Writes bench/results/api.md and prints it. Localhost only.

import "./lib/allow-server-only";
import os from "node:os";
import { parseArgs } from "node:util";
import { runScript } from "../scripts/lib/run-script";
import { machineBusy, machineCpu, processTreeCpuSeconds, processTreeMemory, signIn, startServedApp, stopProcess } from "./lib/app-process";
import { benchToken, deepPage } from "./lib/api-client";
import { benchDatabaseUrl, requireBenchData } from "./lib/bench-database";
import { combine, cpuSecondsOfProcessesNamed, runLoad, throughputOf, type LoadSample, type Target, type Throughput } from "./lib/load";
import { writeReport } from "./lib/report";
import { ms } from "./lib/stats";

const DEFAULT_PORT = 3214;
const WARMUP_MS = 3_000;
/** Tokens this script wrote, replaced on each run. */
const TOKEN_NAME = "bench/api.ts";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "20" },
    rounds: { type: "string", default: "4" },
    concurrency: { type: "string", default: "16" },
    depth: { type: "string", default: "200" },
    email: { type: "string", default: "carol@acme.test" },
    targets: { type: "string", default: "api-first,api-deep,page" },
  },
});

runScript(async () => {
  const url = benchDatabaseUrl();
  const meta = await requireBenchData(url);
  const token = await benchToken(url, args.email, TOKEN_NAME);

  const buildDir = process.env.PORTICO_BUILD_DIR || ".next-bench-api";
  const { base, app } = await startServedApp({
    buildDir,
    port: Number(process.env.BENCH_PORT || DEFAULT_PORT),
    // One token from 16 workers is thousands of calls a minute: the limit is lifted so every call is
    // answered, but each is still counted in PostgreSQL, as in production.
    env: { API_RATE_LIMIT_PER_MINUTE: "1000000" },
  });
  try {
    const cookies = await signIn(base, args.email);
    const api = { authorization: `Bearer ${token}` };
    const first = `${base}/api/v1/requests?scope=organization&limit=25`;
    const chosen = args.targets.split(",");
    const deep = chosen.includes("api-deep") ? await deepPage(first, api, Number(args.depth)) : first;
    const targets: (Target & { label: string })[] = [
      { name: "api-first", label: "`GET /api/v1/requests?scope=organization&limit=25`, first page", url: first, headers: api },
      { name: "api-deep", label: `\`GET /api/v1/requests?scope=organization&limit=25&cursor=…\`, page ${args.depth}`, url: deep, headers: api },
      { name: "page", label: "My Requests page `/requests?scope=organization` (HTML)", url: `${base}/requests?scope=organization`, headers: { cookie: cookies.header() } },
    ].filter((target) => chosen.includes(target.name));
    for (const target of targets) {
      const response = await fetch(target.url, { headers: target.headers, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${target.name}: GET ${target.url} answered ${response.status}`);
    }

    const concurrency = Number(args.concurrency);
    const rounds = Number(args.rounds);
    const roundMs = (Number(args.seconds) * 1000) / rounds;
    for (const target of targets) await runLoad(target, concurrency, WARMUP_MS);

    const loadBefore = os.loadavg();
    const cpuBefore = machineCpu();
    const appCpuBefore = app.pid ? processTreeCpuSeconds(app.pid) : 0;
    const databaseCpuBefore = cpuSecondsOfProcessesNamed("postgres");
    const ownCpuBefore = process.cpuUsage();
    const wallStarted = performance.now();
    // The app's resident memory (its whole process tree) every 250 ms of the measurement.
    const memory: number[] = [];
    const sampler = setInterval(() => app.pid && memory.push(processTreeMemory(app.pid).rssMiB), 250);
    const samples = new Map<string, LoadSample[]>(targets.map((target) => [target.name, []]));
    for (let round = 0; round < rounds; round++) {
      // A different order each round, so none is always measured right after the heaviest.
      for (let i = 0; i < targets.length; i++) {
        const target = targets[(i + round) % targets.length]!;
        samples.get(target.name)!.push(await runLoad(target, concurrency, roundMs));
        process.stderr.write(`round ${round + 1}/${rounds} ${target.name}: ${throughputOf(samples.get(target.name)!.at(-1)!).requestsPerSecond.toFixed(1)} req/s\n`);
      }
    }
    clearInterval(sampler);
    const wallSeconds = (performance.now() - wallStarted) / 1000;
    // Shares of all cores over the measurement: what is neither the app, PostgreSQL nor this script is others' work.
    const share = (seconds: number) => seconds / wallSeconds / os.cpus().length;
    const own = process.cpuUsage(ownCpuBefore);
    const machine = {
      loadBefore,
      loadAfter: os.loadavg(),
      busy: machineBusy(cpuBefore, machineCpu()),
      app: share(app.pid ? processTreeCpuSeconds(app.pid) - appCpuBefore : 0),
      database: share(cpuSecondsOfProcessesNamed("postgres") - databaseCpuBefore),
      script: share((own.user + own.system) / 1e6),
      memory: { medianMiB: median(memory), peakMiB: Math.max(0, ...memory), highWaterMiB: app.pid ? processTreeMemory(app.pid).hwmMiB : 0 },
    };
    const results = targets.map((target) => ({ label: target.label, throughput: throughputOf(combine(samples.get(target.name)!)) }));
    const report = renderReport(results, meta, machine, { concurrency, rounds, roundMs, buildDir });
    writeReport("bench/results/api.md", report);
  } finally {
    await stopProcess(app, 20_000);
  }
});

interface Machine {
  loadBefore: number[];
  loadAfter: number[];
  busy: number;
  app: number;
  database: number;
  script: number;
  memory: { medianMiB: number; peakMiB: number; highWaterMiB: number };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : (sorted[Math.floor((sorted.length - 1) / 2)] ?? 0);
}

const failuresText = (throughput: Throughput) =>
  Object.entries(throughput.failures)
    .map(([status, count]) => `${count} × ${status}`)
    .join(", ") || "none";

function renderReport(
  results: { label: string; throughput: Throughput }[],
  meta: Record<string, string>,
  machine: Machine,
  run: { concurrency: number; rounds: number; roundMs: number; buildDir: string },
): string {
  const cpus = os.cpus();
  const percent = (share: number) => `${(share * 100).toFixed(0)} %`;
  const load = (values: number[]) => values.map((value) => value.toFixed(1)).join(" / ");
  const lines = [
    "# The list endpoint beside the My Requests page: throughput at concurrency " + run.concurrency,
    "",
    `Run ${new Date().toISOString()} by \`npx tsx bench/api.ts${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(" ")}` : ""}\` (production build in ${run.buildDir}, \`next start\`, database pool 10), as ${args.email}: a read-only API token for the API, the session cookie for the page.`,
    "",
    `- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM; PostgreSQL, the app and this load generator on the same machine`,
    `- Load average before ${load(machine.loadBefore)}, after ${load(machine.loadAfter)}. During the measurement all cores were ${percent(machine.busy)} busy: ` +
      `the app (Node) ${percent(machine.app)}, PostgreSQL ${percent(machine.database)} (the whole server: other databases' work included), this script ${percent(machine.script)}, ` +
      `**other work on the machine ${percent(Math.max(0, machine.busy - machine.app - machine.database - machine.script))}**`,
    `- The app's memory (resident, its whole process tree) during the measurement: median ${machine.memory.medianMiB.toFixed(0)} MiB, peak ${machine.memory.peakMiB.toFixed(0)} MiB (sampled every 250 ms); high-water mark since it started ${machine.memory.highWaterMiB.toFixed(0)} MiB`,
    `- Data: ${meta.requestsTotal} requests, Acme ${meta.acmeRequests} (carol's Organization scope); ${meta.publicReplies} public replies; database ${meta.databaseSize}`,
    `- ${run.concurrency} workers per target, each sending the next GET when the last answer's final byte arrived; ${run.rounds} interleaved rounds of ${(run.roundMs / 1000).toFixed(0)} s per target (order rotated each round) after 3 s of warm-up each. req/s counts 200 answers; latency is to the last byte, over all answers`,
    ...(results.length < 3 ? [`- Only ${results.map(({ label }) => label).join(", ")} (\`--targets ${args.targets}\`).`] : []),
    "",
    "| target | req/s | p50 ms | p95 ms | p99 ms | answers | other than 200 | bytes |",
    "|---|---:|---:|---:|---:|---:|---|---:|",
    ...results.map(
      ({ label, throughput }) =>
        `| ${label} | ${throughput.requestsPerSecond.toFixed(1)} | ${ms(throughput.p50Ms)} | ${ms(throughput.p95Ms)} | ${ms(throughput.p99Ms)} | ${throughput.answers} | ${failuresText(throughput)} | ${throughput.bytes} |`,
    ),
    "",
  ];
  return lines.join("\n");
}
