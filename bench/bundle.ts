// The JavaScript a browser downloads for a page, gzipped: builds (when needed) and starts the app
// through bench/serve-app.ts on the benchmark database, signs in, reads each page's HTML and every
// script a current browser loads for it (`<script src>` but not `nomodule`, script preloads, and the chunks the
// page's inline server-component payload names, which the runtime loads while it hydrates), and sums their sizes as
// sent and gzipped.
// Sizes do not depend on the machine: one request each.
//
//   npx tsx bench/bundle.ts [--email alice@acme.test]
//
// PORTICO_BUILD_DIR (default .next-bench-load, the load benchmark's build) and BENCH_PORT (default
// 3234). Writes bench/results/bundle.md and prints it.

import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { runScript } from "../scripts/lib/run-script";
import { signIn, startServedApp, stopProcess } from "./lib/app-process";
import { benchDatabaseUrl, requireBenchData, withClient } from "./lib/bench-database";
import { writeReport } from "./lib/report";

/** The target for My Requests (docs/PERFORMANCE.md). */
const MY_REQUESTS_BUDGET_KB = 100;

const { values: args } = parseArgs({ options: { email: { type: "string", default: "alice@acme.test" } } });

interface Script {
  path: string;
  bytes: number;
  gzipped: number;
}

runScript(async () => {
  const url = benchDatabaseUrl();
  await requireBenchData(url);
  const request = await withClient(url, async (client) => (await client.query<{ id: number }>(`SELECT id FROM "Request" WHERE "requesterId" = 'seed-user-alice' ORDER BY id DESC LIMIT 1`)).rows[0]?.id);
  const buildDir = process.env.PORTICO_BUILD_DIR || ".next-bench-load";
  const { base, app } = await startServedApp({ buildDir, port: Number(process.env.BENCH_PORT || 3234) });
  try {
    const cookie = (await signIn(base, args.email)).header();
    const pages = [
      { title: "My Requests", path: "/requests" },
      { title: `a request page (#${request})`, path: `/requests/${request}` },
      { title: "New request", path: "/requests/new" },
      { title: "Sign-in (signed out)", path: "/signin", signedOut: true },
    ];
    const measured: { title: string; path: string; html: number; scripts: Script[] }[] = [];
    const seen = new Map<string, Script>();
    for (const page of pages) {
      const response = await fetch(`${base}${page.path}`, { headers: page.signedOut ? {} : { cookie }, redirect: "manual" });
      const html = await response.text();
      if (response.status !== 200) throw new Error(`GET ${page.path}: ${response.status}`);
      const scripts: Script[] = [];
      for (const path of scriptPaths(html)) {
        let script = seen.get(path);
        if (!script) {
          const body = Buffer.from(await (await fetch(`${base}${path}`)).arrayBuffer());
          script = { path, bytes: body.length, gzipped: gzipSync(body, { level: 9 }).length };
          seen.set(path, script);
        }
        scripts.push(script);
      }
      measured.push({ title: page.title, path: page.path, html: Buffer.byteLength(html), scripts });
    }
    const kb = (bytes: number) => (bytes / 1024).toFixed(1);
    const total = (scripts: Script[], pick: (script: Script) => number) => scripts.reduce((sum, script) => sum + pick(script), 0);
    const lines = [
      "# JavaScript per page",
      "",
      `Run ${new Date().toISOString()} by \`npx tsx bench/bundle.ts${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(" ")}` : ""}\` (production build in ${buildDir}), signed in as ${args.email}. ` +
        "Every script a page's HTML loads in a current browser (`<script src>` without `nomodule`, script preloads, and the chunks its inline server-component payload names, which the runtime loads while hydrating), each counted once per page; gzipped at level 9. " +
        `Target for My Requests: ≤ ${MY_REQUESTS_BUDGET_KB} kB gzipped.`,
      "",
      "| page | scripts | JavaScript kB | gzipped kB | HTML kB |",
      "|---|---:|---:|---:|---:|",
      ...measured.map((page) => `| ${page.title} \`${page.path}\` | ${page.scripts.length} | ${kb(total(page.scripts, (s) => s.bytes))} | ${kb(total(page.scripts, (s) => s.gzipped))} | ${kb(page.html)} |`),
      "",
      "## My Requests, script by script",
      "",
      "| script | kB | gzipped kB |",
      "|---|---:|---:|",
      ...[...(measured[0]?.scripts ?? [])].sort((a, b) => b.gzipped - a.gzipped).map((script) => `| \`${script.path}\` | ${kb(script.bytes)} | ${kb(script.gzipped)} |`),
      "",
    ];
    writeReport("bench/results/bundle.md", lines.join("\n"));
  } finally {
    await stopProcess(app, 20_000);
  }
});

/**
 * The scripts a page loads: its script tags and script preloads, then the chunks its inline server-component payload
 * names (the client components' own, which the runtime loads while it hydrates the page), each once, in order.
 */
function scriptPaths(html: string): string[] {
  const paths = new Set<string>();
  const skipped = new Set<string>();
  // A nomodule script (the polyfills) is never loaded by the browsers the portal supports.
  for (const match of html.matchAll(/<script\b([^>]*)\bsrc="([^"]+)"([^>]*)>/g)) {
    if (/\bnomodule\b/i.test(`${match[1]} ${match[3]}`)) skipped.add(match[2]!);
    else paths.add(match[2]!);
  }
  for (const match of html.matchAll(/<link\b[^>]*\bas="script"[^>]*\bhref="([^"]+)"|<link\b[^>]*\bhref="([^"]+)"[^>]*\bas="script"/g)) paths.add((match[1] ?? match[2])!);
  // The payload names them from the build's root (`/_next/static/chunks/…`) or relative to it (`static/chunks/…`).
  for (const match of html.matchAll(/(?:\/_next\/)?static\/chunks\/[\w./-]+\.js/g)) {
    const path = match[0].startsWith("/") ? match[0] : `/_next/${match[0]}`;
    if (!skipped.has(path)) paths.add(path);
  }
  return [...paths].filter((path) => path.startsWith("/")).map((path) => path.replace(/&amp;/g, "&"));
}
