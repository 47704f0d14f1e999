// The My Requests queries on the benchmark database: for each representative case, the exact SQL
// that `listRequests` sends (captured from Prisma's query log, not rebuilt here), its plan by
// EXPLAIN (ANALYZE, BUFFERS), and its time over many sequential runs — once as bare SQL and once
// through `listRequests` itself (Prisma, row mapping and snippets included).
//
//   npx tsx bench/queries.ts [--runs 50] [--cases a,b,…] [--variant <name>] [--out <file>]
//
// Writes bench/results/queries.md (with --variant: bench/results/variant-<name>.md) and prints it.
//
// Needs the database of bench/generate.ts (BENCH_DATABASE_URL, default portico_bench on localhost).

import "./lib/allow-server-only";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { loadViewer } from "@/server/people/viewer";
import { runScript } from "../scripts/lib/run-script";
import { PROJECT_ROOT } from "../scripts/lib/schema-engine";
import { readBenchArgs } from "./lib/args";
import { openBenchSession } from "./lib/session";
import { describeEnvironment, indexesCell, renderPlans, renderSql, type Measured, type PlanSection } from "./lib/report";
import { ms, time, type Timing } from "./lib/stats";
import { SEARCH_WORDS } from "./lib/words";
import { VARIANTS, type QueryVariant } from "./variants";

interface BenchCase {
  key: string;
  title: string;
  email: string;
  params: Record<string, string | string[]>;
  /** Measure this page, reached by following the next-page cursor from the first. */
  page?: number;
}

const CASES: BenchCase[] = [
  { key: "a", title: "alice, My requests, first page", email: "alice@acme.test", params: { scope: "mine" } },
  { key: "b", title: "carol, Organization, first page", email: "carol@acme.test", params: { scope: "organization" } },
  { key: "c", title: "carol, Organization, page 200", email: "carol@acme.test", params: { scope: "organization" }, page: 200 },
  { key: "d", title: "carol, Organization, oldest created first", email: "carol@acme.test", params: { scope: "organization", sort: "created", order: "asc" } },
  { key: "e", title: `alice, My requests, search for a rare word ("${SEARCH_WORDS.rare}")`, email: "alice@acme.test", params: { scope: "mine", q: SEARCH_WORDS.rare } },
  { key: "f1", title: `carol, Organization, search for a common word ("${SEARCH_WORDS.common}")`, email: "carol@acme.test", params: { scope: "organization", q: SEARCH_WORDS.common } },
  { key: "f2", title: `carol, Organization, search for a rare word ("${SEARCH_WORDS.rare}")`, email: "carol@acme.test", params: { scope: "organization", q: SEARCH_WORDS.rare } },
  { key: "g", title: `carol, Organization, Korean search ("${SEARCH_WORDS.korean}")`, email: "carol@acme.test", params: { scope: "organization", q: SEARCH_WORDS.korean } },
  { key: "h1", title: "carol, Organization, status Open", email: "carol@acme.test", params: { scope: "organization", status: "open" } },
  { key: "h2", title: "carol, Organization, status Open and priority S1", email: "carol@acme.test", params: { scope: "organization", status: "open", priority: "S1" } },
];

interface CaseResult extends Measured {
  benchCase: BenchCase;
  items: number;
  sql: string;
  params: unknown[];
  listTiming: Timing | null;
  variant?: Measured & { sql: string };
}

runScript(async () => {
  // Server modules import "server-only": load them only after the hook above is in place.
  const { listRequests } = await import("@/server/requests/list-requests");
  const args = readBenchArgs(CASES);
  const { runs, selected } = args;
  const variant = args.variant ? VARIANTS.find((candidate) => candidate.name === args.variant) : undefined;
  if (args.variant && !variant) throw new Error(`Unknown variant ${args.variant}; known: ${VARIANTS.map((candidate) => candidate.name).join(", ")}`);
  const session = await openBenchSession(runs);
  const { prisma, db, captured, client, meta, measure } = session;

  try {

    const results: CaseResult[] = [];
    for (const benchCase of selected) {
      process.stderr.write(`${benchCase.key}: ${benchCase.title} … `);
      const user = await prisma.user.findUniqueOrThrow({ where: { email: benchCase.email }, select: { id: true } });
      const viewer = await loadViewer(db, user.id, { now: new Date(), channel: "web" });
      if (!viewer) throw new Error(benchCase.email);
      const list = async (params: Record<string, string | string[]>) => {
        const result = await listRequests(db, viewer, params);
        if (!result.ok) throw new Error(`${benchCase.key}: no list`);
        return result.page;
      };

      let params = benchCase.params;
      for (let page = 1; page < (benchCase.page ?? 1); page++) {
        const { nextCursor } = await list(params);
        if (!nextCursor) throw new Error(`${benchCase.key}: only ${page} pages`);
        params = { ...benchCase.params, after: nextCursor };
      }

      captured.length = 0;
      const result = await list(params);
      // The list query is the one with the page's LIMIT (a number search would add a second one).
      const query = captured.find((event) => /\bLIMIT\b/.test(event.query));
      if (!query) throw new Error(`${benchCase.key}: no list query captured`);
      const sqlParams = JSON.parse(query.params) as unknown[];

      const measured = await measure(query.query, sqlParams);
      const listTiming = variant ? null : await time(() => list(params), { runs });
      results.push({ benchCase, items: result.items.length, sql: query.query, params: sqlParams, ...measured, listTiming });
      process.stderr.write(`${ms(measured.sqlTiming.medianMs)} ms\n`);
    }

    if (variant) {
      process.stderr.write(`Variant ${variant.name}\n`);
      try {
        for (const statement of variant.setup ?? []) await client.query(statement);
        for (const result of results) {
          const sql = variant.rewrite(result.sql);
          if (sql === result.sql && !variant.measureUnchanged) continue;
          process.stderr.write(`${result.benchCase.key} (${variant.name}) … `);
          result.variant = { sql, ...(await measure(sql, result.params)) };
          process.stderr.write(`${ms(result.variant.sqlTiming.medianMs)} ms\n`);
        }
      } finally {
        for (const statement of variant.teardown ?? []) await client.query(statement);
      }
    }

    const environment = describeEnvironment("bench/queries.ts", meta, session.version, runs);
    const report = variant ? renderVariantReport(variant, results, environment) : renderReport(results, environment);
    const out = resolve(PROJECT_ROOT, args.out ?? (variant ? `bench/results/variant-${variant.name}.md` : "bench/results/queries.md"));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, report);
    console.log(report);
    process.stderr.write(`Written to ${out}\n`);
  } finally {
    await session.close();
  }
});

function planSections(results: CaseResult[], pick: (result: CaseResult) => { label?: string; measured: Measured }[]): PlanSection[] {
  return results.map((result) => ({
    title: `${result.benchCase.key}. ${result.benchCase.title}`,
    description: `\`${JSON.stringify(result.benchCase.params)}\`${result.benchCase.page ? `, page ${result.benchCase.page}` : ""} as ${result.benchCase.email}; parameters \`${JSON.stringify(result.params)}\``,
    plans: pick(result),
  }));
}

function renderReport(results: CaseResult[], environment: string[]): string {
  const lines = ["# My Requests queries: plans and timings", "", ...environment];
  lines.push("| case | | rows | indexes used | SQL median ms | SQL p95 ms | listRequests median ms | listRequests p95 ms | runs |");
  lines.push("|---|---|---:|---|---:|---:|---:|---:|---:|");
  for (const result of results) {
    const list = result.listTiming;
    lines.push(
      `| ${result.benchCase.key} | ${result.benchCase.title} | ${result.items} | ${indexesCell(result.plan)} | ` +
        `${ms(result.sqlTiming.medianMs)} | ${ms(result.sqlTiming.p95Ms)} | ${list ? ms(list.medianMs) : ""} | ${list ? ms(list.p95Ms) : ""} | ${result.sqlTiming.runs} |`,
    );
  }
  lines.push("");
  renderPlans(planSections(results, (result) => [{ measured: result }]), lines);
  renderSql(results.map((result) => ({ key: result.benchCase.key, sql: result.sql })), lines);
  return lines.join("\n");
}

function renderVariantReport(variant: QueryVariant, results: CaseResult[], environment: string[]): string {
  const lines = [`# Variant \`${variant.name}\``, "", variant.summary, "", ...environment];
  if (variant.setup?.length) {
    lines.push("Added for the measurement (and dropped afterwards):", "", "```sql", ...variant.setup.map((statement) => `${statement};`), "```", "");
  }
  lines.push("| case | | SQL median ms, as is | p95 | SQL median ms, variant | p95 | indexes used by the variant |");
  lines.push("|---|---|---:|---:|---:|---:|---|");
  for (const result of results) {
    if (!result.variant) continue;
    const { sqlTiming: before } = result;
    const { sqlTiming: after, plan } = result.variant;
    lines.push(
      `| ${result.benchCase.key} | ${result.benchCase.title} | ${ms(before.medianMs)} | ${ms(before.p95Ms)} | ${ms(after.medianMs)} | ${ms(after.p95Ms)} | ${indexesCell(plan)} |`,
    );
  }
  lines.push("");
  renderPlans(
    planSections(results, (result) =>
      result.variant
        ? [
            { label: "As is:", measured: result },
            { label: `With \`${variant.name}\`:`, measured: result.variant },
          ]
        : [],
    ),
    lines,
  );
  renderSql(results.flatMap((result) => (result.variant ? [{ key: result.benchCase.key, sql: result.variant.sql }] : [])), lines);
  return lines.join("\n");
}
