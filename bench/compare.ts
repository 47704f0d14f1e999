// Compares two builds of the app on the same pages, for a change whose effect is smaller than this
// machine's drift: the speed of the same build moves by 20–40 % within an hour here, so runs of one
// build minutes apart from runs of the other say little. Both builds serve at once (each as `npm
// start` would, on the benchmark database), and short runs alternate between them, A B B A …, each
// measured by the CPU its server spent per page. The report gives each pair's ratio and their median.
//
//   npx tsx bench/compare.ts --against /path/to/other/checkout [--cases page-org,page-mine,search-common,request-page,queue,api-first,signin] [--pairs 6] [--seconds 8] [--concurrency 4] [--out …]
//   npx tsx bench/compare.ts --node-a /path/to/node --node-b /path/to/other/node [--cases …]
//
// The other checkout is "A" (before), this one "B" (after); each builds into its own PORTICO_BUILD_DIR
// (default .next-bench-compare) when its sources changed. The other checkout needs its own
// node_modules (a hard-linked copy serves) and generated Prisma client. Without --against, both serve
// this checkout's build: --node-a and --node-b then compare the Node.js releases that run it (each
// defaults to the one running this script).

import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { runScript } from "../scripts/lib/run-script";
import { PROJECT_ROOT } from "../scripts/lib/schema-engine";
import { benchToken } from "./lib/api-client";
import { nodeVersion, processTreeCpuSeconds, signIn, startServedApp, stopProcess } from "./lib/app-process";
import { benchDatabaseUrl, requestWithSixReplies, requireBenchData, withClient } from "./lib/bench-database";
import { quantile } from "./lib/stats";
import { hasWrk, runWrk, type WrkTarget } from "./lib/wrk";

const { values: args } = parseArgs({
  options: {
    against: { type: "string" },
    "node-a": { type: "string" },
    "node-b": { type: "string" },
    cases: { type: "string", default: "page-org,request-page" },
    pairs: { type: "string", default: "6" },
    seconds: { type: "string", default: "8" },
    concurrency: { type: "string", default: "4" },
    port: { type: "string", default: "3311" },
    out: { type: "string" },
  },
});

interface Served {
  label: string;
  root: string;
  /** The Node.js that runs it, as `node --version` names it. */
  nodeVersion: string;
  base: string;
  process: ChildProcess;
}

async function serveCheckout(label: string, root: string, node: string, port: number, buildDir: string): Promise<Served> {
  // The periodic jobs would add their own work to whichever run they fall in.
  const env = { NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), AUTOMATION_INTERVAL_SECONDS: "0", API_RATE_LIMIT_PER_MINUTE: "1000000" };
  const { base, app } = await startServedApp({ root, buildDir, port, env, node });
  return { label, root, nodeVersion: nodeVersion(node), base, process: app };
}

runScript(async () => {
  if (!args.against && !args["node-a"] && !args["node-b"]) throw new Error("Say what A is: --against <the other checkout's folder>, or --node-a / --node-b <a Node.js binary>.");
  if (!(await hasWrk())) throw new Error("wrk is not installed (apt-get install wrk).");
  const url = benchDatabaseUrl();
  await requireBenchData(url);
  const requestWithReplies = await withClient(url, requestWithSixReplies);
  const paths: Record<string, string> = {
    "page-org": "/requests?scope=organization",
    "page-mine": "/requests",
    "search-common": "/requests?scope=organization&q=dashboard",
    "request-page": `/requests/${requestWithReplies}`,
    queue: "/agent",
    "api-first": "/api/v1/requests?scope=organization&limit=25",
    // The page every visit pays for, signed out: no database, the layout and the framework's own work.
    signin: "/signin",
  };
  // Who reads each case: the agent queue is the console's; the rest are carol's.
  const reader = (name: string) => (name === "queue" ? "agent@portico.test" : "carol@acme.test");
  const cases = args.cases.split(",");
  for (const name of cases) if (!paths[name]) throw new Error(`Unknown case ${name}; known: ${Object.keys(paths).join(", ")}`);
  const apiToken = cases.includes("api-first") ? await benchToken(url, "carol@acme.test", "bench/compare.ts", "read") : undefined;

  const buildDir = process.env.PORTICO_BUILD_DIR || ".next-bench-compare";
  const port = Number(args.port);
  // One after the other: two builds at once would take each other's cores and memory.
  const before = await serveCheckout("A", args.against ? resolve(args.against) : PROJECT_ROOT, args["node-a"] ?? process.execPath, port, buildDir);
  let after: Served | undefined;
  try {
    after = await serveCheckout("B", PROJECT_ROOT, args["node-b"] ?? process.execPath, port + 1, buildDir);
    const servers = [before, after];
    const readers = [...new Set(cases.map(reader))];
    const cookies = await Promise.all(
      servers.map(async (server) => new Map(await Promise.all(readers.map(async (email) => [email, (await signIn(server.base, email)).header()] as const)))),
    );
    const seconds = Number(args.seconds);
    const concurrency = Number(args.concurrency);
    const rows: string[] = [];
    const summary: string[] = [];
    for (const name of cases) {
      const headers = (index: number): Record<string, string> =>
        name === "signin" ? {} : name === "api-first" ? { authorization: `Bearer ${apiToken}` } : { cookie: cookies[index]!.get(reader(name))! };
      const target = (index: number): WrkTarget => ({ url: `${servers[index]!.base}${paths[name]}`, headers: headers(index) });
      // Warm both: the first pages compile and fill caches.
      for (const index of [0, 1]) await runWrk(target(index), concurrency, 3);
      const ratios: number[] = [];
      const cpu: [number[], number[]] = [[], []];
      const rates: [number[], number[]] = [[], []];
      for (let pair = 0; pair < Number(args.pairs); pair++) {
        // A B, then B A: each order as often, so a trend within a pair cancels out.
        const order = pair % 2 === 0 ? [0, 1] : [1, 0];
        const perPage: number[] = [0, 0];
        for (const index of order) {
          const server = servers[index]!;
          const pid = server.process.pid!;
          const cpuBefore = processTreeCpuSeconds(pid);
          const result = await runWrk(target(index), concurrency, seconds);
          if (result.errors > 0) throw new Error(`${server.label}: ${result.errors} errors on ${name}`);
          perPage[index] = ((processTreeCpuSeconds(pid) - cpuBefore) * 1000) / result.requests;
          cpu[index as 0 | 1].push(perPage[index]!);
          rates[index as 0 | 1].push(result.requestsPerSecond);
        }
        ratios.push(perPage[1]! / perPage[0]!);
        rows.push(`| ${name} | ${pair + 1} | ${perPage[0]!.toFixed(1)} | ${perPage[1]!.toFixed(1)} | ${(perPage[1]! / perPage[0]!).toFixed(3)} |`);
        console.error(`${name} pair ${pair + 1}: A ${perPage[0]!.toFixed(1)} ms, B ${perPage[1]!.toFixed(1)} ms a page`);
      }
      summary.push(
        `| ${name} | ${quantile(cpu[0], 0.5).toFixed(1)} | ${quantile(cpu[1], 0.5).toFixed(1)} | ${quantile(rates[0], 0.5).toFixed(1)} | ${quantile(rates[1], 0.5).toFixed(1)} | ${quantile(ratios, 0.5).toFixed(3)} (${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}) |`,
      );
    }
    const report = [
      `# Two servers compared, pages alternating`,
      ``,
      `Run ${new Date().toISOString()} by \`npx tsx bench/compare.ts ${process.argv.slice(2).join(" ")}\`: A is ${before.root} on Node.js ${before.nodeVersion}, B is ${after.root} on Node.js ${after.nodeVersion}; both served at once (`
        + `\`next start\` through bench/serve-app.ts), wrk at concurrency ${concurrency}, ${args.pairs} pairs of ${seconds} s runs per case, each pair's order alternating.`,
      `CPU is each server's process tree per page answered.`,
      ``,
      `| case | A CPU ms/page (median) | B CPU ms/page (median) | A req/s | B req/s | B ÷ A CPU, median of pairs (range) |`,
      `|---|---:|---:|---:|---:|---:|`,
      ...summary,
      ``,
      `| case | pair | A CPU ms/page | B CPU ms/page | B ÷ A |`,
      `|---|---:|---:|---:|---:|`,
      ...rows,
      ``,
    ].join("\n");
    if (args.out) writeFileSync(args.out, report);
    console.log(report);
  } finally {
    await Promise.all([before, after].filter((server): server is Served => server !== undefined).map((server) => stopProcess(server.process)));
  }
});
