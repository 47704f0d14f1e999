// Server time of the real My Requests page on the benchmark database: builds (when needed) and
// starts the app through bench/serve-app.ts, signs in as carol@acme.test through next-auth's
// credentials flow over HTTP, then times sequential GETs of the Organization scope (browse and
// search). Localhost only, a bounded number of requests, one at a time.
//
//   npx tsx bench/page.ts [--runs 30] [--email carol@acme.test]
//
// PORTICO_BUILD_DIR (default .next-bench) keeps this build apart from others; BENCH_PORT (default
// 3204) is where the app listens. Writes bench/results/page.md and prints it.

import os from "node:os";
import { parseArgs } from "node:util";
import { runScript } from "../scripts/lib/run-script";
import { signIn, startServedApp, stopProcess, type Cookies } from "./lib/app-process";
import { benchDatabaseUrl, DEFAULT_BENCH_PORT, requireBenchData, withClient } from "./lib/bench-database";
import { writeReport } from "./lib/report";
import { ms, summarize, type Timing } from "./lib/stats";
import { SEARCH_WORDS } from "./lib/words";

const PAGES = [
  "/requests?scope=organization",
  `/requests?scope=organization&q=${encodeURIComponent(SEARCH_WORDS.common)}`,
  `/requests?scope=organization&q=${encodeURIComponent(SEARCH_WORDS.rare)}`,
];
const WARMUP = 5;
const BUDGET_MS = 60_000;

const { values: args } = parseArgs({
  options: { runs: { type: "string", default: "30" }, email: { type: "string", default: "carol@acme.test" } },
});

interface PageResult {
  path: string;
  status: number;
  bytes: number;
  firstByte: Timing;
  total: Timing;
}

runScript(async () => {
  const url = benchDatabaseUrl();
  const meta = await requireBenchData(url);
  // The page lists requests when it shows the most recently active one of carol's organization.
  const newest = await withClient(url, async (client) => {
    const { rows } = await client.query<{ id: number }>(
      `SELECT id FROM "Request" WHERE "organizationId" = 'seed-org-acme' ORDER BY "lastActivityAt" DESC, id DESC LIMIT 1`,
    );
    return rows[0]?.id;
  });

  const buildDir = process.env.PORTICO_BUILD_DIR || ".next-bench";
  // The app's output (and the build's, when one is needed) goes to stderr; stdout is the report.
  const { base, app } = await startServedApp({ buildDir, port: Number(process.env.BENCH_PORT || DEFAULT_BENCH_PORT) });
  try {
    const cookies = await signIn(base, args.email);
    const runs = Number(args.runs);
    const results: PageResult[] = [];
    let listsRequests = false;
    for (const path of PAGES) {
      const first = await get(base, path, cookies);
      if (first.status !== 200) throw new Error(`GET ${path}: ${first.status} (expected 200 for a signed-in user)`);
      if (path === PAGES[0] && newest !== undefined) listsRequests = new RegExp(`\\b${newest}\\b`).test(first.body);
      for (let i = 1; i < WARMUP; i++) await get(base, path, cookies);
      const firstByte: number[] = [];
      const total: number[] = [];
      const started = performance.now();
      let bytes = 0;
      while (firstByte.length < runs && (firstByte.length < 5 || performance.now() - started < BUDGET_MS)) {
        const response = await get(base, path, cookies);
        firstByte.push(response.firstByteMs);
        total.push(response.totalMs);
        bytes = response.body.length;
      }
      results.push({ path, status: first.status, bytes, firstByte: summarize(firstByte), total: summarize(total) });
      process.stderr.write(`${path}: median ${ms(summarize(total).medianMs)} ms\n`);
    }
    const report = renderReport(results, meta, args.email, listsRequests, buildDir);
    writeReport("bench/results/page.md", report);
  } finally {
    await stopProcess(app, 20_000);
  }
});

async function get(base: string, path: string, cookies: Cookies) {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { cookie: cookies.header() }, redirect: "manual" });
  const firstByteMs = performance.now() - started;
  const body = await response.text();
  return { status: response.status, body, firstByteMs, totalMs: performance.now() - started };
}

function renderReport(results: PageResult[], meta: Record<string, string>, email: string, listsRequests: boolean, buildDir: string): string {
  const cpus = os.cpus();
  const lines = [
    "# My Requests page: server time",
    "",
    `Run ${new Date().toISOString()} by \`npx tsx bench/page.ts\` (production build in ${buildDir}, \`next start\`), signed in as ${email}.`,
    "",
    `- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM; load average at the end ${os.loadavg().map((load) => load.toFixed(1)).join(" / ")}`,
    `- Data: ${meta.requestsTotal} requests, Acme ${meta.acmeRequests}; ${meta.publicReplies} public replies, ${meta.chatMessages} chat messages`,
    `- Sequential GETs over localhost after ${WARMUP} warm-up requests; "total" is until the last byte of the streamed HTML, i.e. the server's time for the whole page.`,
    listsRequests
      ? "- The page lists the requests (the most recently active Acme request is on the first page)."
      : "- **The page did not list the requests yet** (the most recently active Acme request is not on it): /requests was still a placeholder, so these numbers are the page shell's, not the list's.",
    "",
    "| page | status | HTML bytes | first byte median ms | p95 | total median ms | p95 | runs |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    ...results.map(
      (result) =>
        `| \`${decodeURIComponent(result.path)}\` | ${result.status} | ${result.bytes} | ${ms(result.firstByte.medianMs)} | ${ms(result.firstByte.p95Ms)} | ` +
        `${ms(result.total.medianMs)} | ${ms(result.total.p95Ms)} | ${result.total.runs} |`,
    ),
    "",
  ];
  return lines.join("\n");
}
