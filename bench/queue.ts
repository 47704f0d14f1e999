// The agent queue's queries on the benchmark database: for each case, the exact SQL that
// `listQueue` sends for the page (captured from Prisma's query log, not rebuilt here), its plan by
// EXPLAIN (ANALYZE, BUFFERS), and its time over many sequential runs — once as bare SQL and once
// through `listQueue` itself (Prisma, row mapping, the organization and agent lists for the filters).
//
//   npx tsx bench/queue.ts [--runs 50] [--cases a,b,…] [--out <file>]
//
// Writes bench/results/queue.md and prints it. Deep pages are reached as a user reaches them, by
// following the next-page (or previous-page) cursor, so reaching the last page of the default queue
// takes a few hundred calls.
//
// Needs the database of bench/generate.ts (BENCH_DATABASE_URL, default portico_bench on localhost).

import "./lib/allow-server-only";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { encodeCursor } from "@/schemas/list-params";
import { loadViewer } from "@/server/people/viewer";
import type { AgentQueuePage } from "@/server/requests/list-queue";
import { runScript } from "../scripts/lib/run-script";
import { PROJECT_ROOT } from "../scripts/lib/schema-engine";
import { readBenchArgs } from "./lib/args";
import { openBenchSession } from "./lib/session";
import { describeEnvironment, executionMs, indexesCell, renderPlans, renderSql, type Measured } from "./lib/report";
import { ms, time, type Timing } from "./lib/stats";
import { SEARCH_WORDS } from "./lib/words";

const AGENT = "agent@portico.test";
const ALL_STATUSES = ["open", "pending", "on_hold", "solved"];

/** Which page to measure: one reached by following the next-page cursor, or the pages around the queue's turns. */
type Walk =
  | { kind: "page"; page: number }
  /** The first page that shows a request with nothing owed (the owed requests end on it or just before). */
  | { kind: "nothing-owed" }
  | { kind: "last" }
  /** The last page, then this many pages back by the previous-page cursor. */
  | { kind: "back"; pages: number };

interface BenchCase {
  key: string;
  title: string;
  params: Record<string, string | string[]>;
  walk?: Walk;
}

const CASES: BenchCase[] = [
  { key: "a", title: "due (default), first page", params: {} },
  { key: "b", title: "due, page 100", params: {}, walk: { kind: "page", page: 100 } },
  { key: "c", title: "due, first page with nothing owed", params: {}, walk: { kind: "nothing-owed" } },
  { key: "d", title: "due, last page", params: {}, walk: { kind: "last" } },
  { key: "e", title: "due, 100 pages back from the last by the previous-page cursor", params: {}, walk: { kind: "back", pages: 100 } },
  // A cursor from a URL written before this benchmark: "nothing owed, after request 150000".
  { key: "f", title: 'due, an old "infinity" cursor (nothing owed, after #150000)', params: { after: encodeCursor({ v: "infinity", id: 150_000 }) } },
  { key: "g", title: "due, latest first (order desc), first page", params: { order: "desc" } },
  { key: "h", title: "due, status Solved, page 100", params: { status: "solved" }, walk: { kind: "page", page: 100 } },
  { key: "i1", title: "organization Acme, first page", params: { organization: "seed-org-acme" } },
  { key: "i2", title: "organization of median size (bench-org-250), first page", params: { organization: "bench-org-250" } },
  { key: "j1", title: "assignee bench-agent-7, first page", params: { assignee: "bench-agent-7" } },
  { key: "j2", title: "unassigned, first page", params: { assignee: "unassigned" } },
  { key: "k1", title: "SLA breached, first page", params: { sla: "breached" } },
  { key: "k2", title: "SLA due within the hour, first page", params: { sla: "due_soon" } },
  { key: "k3", title: "SLA fine, first page", params: { sla: "fine" } },
  { key: "k4", title: "priority S1, first page", params: { priority: "S1" } },
  { key: "l1", title: "activity, first page", params: { sort: "activity" } },
  { key: "l2", title: "activity, page 200", params: { sort: "activity" }, walk: { kind: "page", page: 200 } },
  { key: "l3", title: "activity, oldest first", params: { sort: "activity", order: "asc" } },
  { key: "m1", title: "created, first page", params: { sort: "created" } },
  { key: "m2", title: "created, page 200", params: { sort: "created" }, walk: { kind: "page", page: 200 } },
  { key: "m3", title: "created, oldest first", params: { sort: "created", order: "asc" } },
  { key: "n", title: "every status, due, first page", params: { status: ALL_STATUSES } },
  { key: "s1", title: `search for a rare word ("${SEARCH_WORDS.rare}")`, params: { q: SEARCH_WORDS.rare } },
  { key: "s2", title: `search for a common word ("${SEARCH_WORDS.common}")`, params: { q: SEARCH_WORDS.common } },
  { key: "s3", title: "search for a common word, page 2", params: { q: SEARCH_WORDS.common }, walk: { kind: "page", page: 2 } },
  { key: "s4", title: "search for a common word, status Solved", params: { q: SEARCH_WORDS.common, status: "solved" } },
  { key: "s5", title: "search for a common word, every status", params: { q: SEARCH_WORDS.common, status: ALL_STATUSES } },
  { key: "s6", title: "search for a common word, activity, oldest first", params: { q: SEARCH_WORDS.common, sort: "activity", order: "asc" } },
  { key: "s7", title: "search for a rare word, status Solved", params: { q: SEARCH_WORDS.rare, status: "solved" } },
  { key: "s8", title: "search for a rare word, every status", params: { q: SEARCH_WORDS.rare, status: ALL_STATUSES } },
  { key: "s9", title: `search for a Korean word ("${SEARCH_WORDS.korean}")`, params: { q: SEARCH_WORDS.korean } },
  { key: "s10", title: "search for a Korean word, page 2", params: { q: SEARCH_WORDS.korean }, walk: { kind: "page", page: 2 } },
  { key: "s11", title: `search for a Korean word found nowhere ("${SEARCH_WORDS.koreanUnmatched}")`, params: { q: SEARCH_WORDS.koreanUnmatched } },
];

interface CaseResult extends Measured {
  benchCase: BenchCase;
  /** The page measured (1 is the first), when reached by cursors. */
  page: number;
  items: number;
  sql: string;
  params: unknown[];
  listTiming: Timing;
}

runScript(async () => {
  // Server modules import "server-only": load them only after the hook above is in place.
  const { listQueue } = await import("@/server/requests/list-queue");
  const args = readBenchArgs(CASES);
  const { runs, selected } = args;
  const session = await openBenchSession(runs);
  const { prisma, db, captured, meta, measure } = session;

  try {
    const agent = await prisma.user.findUniqueOrThrow({ where: { email: AGENT }, select: { id: true } });
    const viewer = await loadViewer(db, agent.id, { now: new Date(), channel: "web" });
    if (!viewer?.actor.isAgent) throw new Error(`${AGENT} is not an agent`);

    const list = async (params: Record<string, string | string[]>): Promise<AgentQueuePage> => {
      const result = await listQueue(db, viewer, params);
      if (!result.ok) throw new Error("no queue");
      return result.queue;
    };

    /** The parameters of the page a walk ends on, and its number. */
    const walkTo = async (benchCase: BenchCase): Promise<{ params: Record<string, string | string[]>; page: number }> => {
      const walk = benchCase.walk;
      let params = benchCase.params;
      if (!walk) return { params, page: 1 };
      let page = await list(params);
      let number = 1;
      const arrived = () => (walk.kind === "page" ? number === walk.page : walk.kind === "nothing-owed" ? page.items.some((item) => item.responseDueAt === null) : false);
      while (!arrived()) {
        if (!page.nextCursor) {
          if (walk.kind === "last" || walk.kind === "back") break;
          throw new Error(`${benchCase.key}: only ${number} pages`);
        }
        params = { ...benchCase.params, after: page.nextCursor };
        page = await list(params);
        number++;
      }
      if (walk.kind === "back") {
        for (let step = 0; step < walk.pages; step++) {
          if (!page.previousCursor) throw new Error(`${benchCase.key}: no page before page ${number}`);
          params = { ...benchCase.params, before: page.previousCursor };
          page = await list(params);
          number--;
        }
      }
      return { params, page: number };
    };

    const results: CaseResult[] = [];
    for (const benchCase of selected) {
      process.stderr.write(`${benchCase.key}: ${benchCase.title} … `);
      const { params, page } = await walkTo(benchCase);

      captured.length = 0;
      const result = await list(params);
      // The page query is the one that reads the page's ids (a search's count has a LIMIT too, and may be sent first).
      const query = captured.find((event) => /\bpage AS \(/.test(event.query));
      if (!query) throw new Error(`${benchCase.key}: no page query captured`);
      const sqlParams = JSON.parse(query.params) as unknown[];

      const measured = await measure(query.query, sqlParams);
      const listTiming = await time(() => list(params), { runs });
      results.push({ benchCase, page, items: result.items.length, sql: query.query, params: sqlParams, ...measured, listTiming });
      process.stderr.write(`page ${page}, ${ms(measured.sqlTiming.medianMs)} ms\n`);
    }

    const environment = describeEnvironment("bench/queue.ts", meta, session.version, runs);
    const report = renderReport(results, environment);
    const out = resolve(PROJECT_ROOT, args.out ?? "bench/results/queue.md");
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, report);
    console.log(report);
    process.stderr.write(`Written to ${out}\n`);
  } finally {
    await session.close();
  }
});

function renderReport(results: CaseResult[], environment: string[]): string {
  const lines = ["# Agent queue queries: plans and timings", "", `All as ${AGENT}, unsolved requests unless said otherwise.`, "", ...environment];
  lines.push("| case | | page | rows | indexes used | execution ms (plan) | SQL median ms | SQL p95 ms | listQueue median ms | listQueue p95 ms | runs |");
  lines.push("|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|");
  for (const result of results) {
    const list = result.listTiming;
    lines.push(
      `| ${result.benchCase.key} | ${result.benchCase.title} | ${result.page} | ${result.items} | ${indexesCell(result.plan)} | ${executionMs(result.plan)} | ` +
        `${ms(result.sqlTiming.medianMs)} | ${ms(result.sqlTiming.p95Ms)} | ${ms(list.medianMs)} | ${ms(list.p95Ms)} | ${result.sqlTiming.runs} |`,
    );
  }
  lines.push("");
  renderPlans(
    results.map((result) => ({
      title: `${result.benchCase.key}. ${result.benchCase.title}`,
      description: `\`${JSON.stringify(result.benchCase.params)}\`, page ${result.page}; parameters \`${JSON.stringify(result.params)}\``,
      plans: [{ measured: result }],
    })),
    lines,
  );
  renderSql(results.map((result) => ({ key: result.benchCase.key, sql: result.sql })), lines);
  return lines.join("\n");
}
