import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, resolve } from "node:path";
import { PROJECT_ROOT } from "../../scripts/lib/project-root";
import { ms, type Timing } from "./stats";

// The parts of a benchmark report the scripts share: where it is written, the machine and data it ran
// on, the indexes and warnings read from a plan, the plans and the SQL as sent.

/** Writes a report (a path from the project's root, e.g. bench/results/load.md), prints it, and says where it went. */
export function writeReport(path: string, report: string): void {
  const out = resolve(PROJECT_ROOT, path);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, report);
  console.log(report);
  process.stderr.write(`Written to ${out}\n`);
}

export interface Measured {
  plan: string;
  sqlTiming: Timing;
}

export interface PlanSection {
  title: string;
  /** What was asked, in one line: the case's parameters and the SQL's. */
  description: string;
  plans: { label?: string; measured: Measured }[];
}

/** The indexes a plan reads, and the scans and sorts worth a second look. */
export function planFacts(plan: string): { indexes: string[]; warnings: string[] } {
  const indexes = [...new Set([...plan.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) "?([\w]+)"?/g)].map((match) => match[1] as string))];
  const warnings: string[] = [];
  for (const match of plan.matchAll(/Seq Scan on "?(\w+)"?.*?actual time=[\d.]+\.\.[\d.]+ rows=(\d+) loops=(\d+)/g)) {
    const rows = Number(match[2]) * Number(match[3]);
    if (match[1] !== "pool" && rows > 1000) warnings.push(`seq scan on ${match[1]} (${rows} rows)`);
  }
  for (const match of plan.matchAll(/-> {2}Sort .*?actual time=[\d.]+\.\.[\d.]+ rows=(\d+) loops=(\d+)/g)) {
    const rows = Number(match[1]) * Number(match[2]);
    if (rows > 1000) warnings.push(`sort of ${rows} rows`);
  }
  return { indexes, warnings };
}

export function indexesCell(plan: string): string {
  const facts = planFacts(plan);
  const notes = facts.warnings.length ? ` ⚠ ${facts.warnings.join("; ")}` : "";
  return `${facts.indexes.map((name) => `\`${name}\``).join(", ")}${notes}`;
}

/** The `Execution Time` PostgreSQL reports inside the plan: the query's own cost, without the round trip. */
export function executionMs(plan: string): string {
  const time = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1];
  return time ? ms(Number(time)) : "";
}

export function describeEnvironment(script: string, meta: Record<string, string>, version: string, runs: number): string[] {
  const cpus = os.cpus();
  return [
    `Run ${new Date().toISOString()} by \`npx tsx ${script}${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(" ")}` : ""}\`.`,
    "",
    `- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}; load average at the end ${os.loadavg().map((load) => load.toFixed(1)).join(" / ")}`,
    `- Database: ${version.split(",")[0]}, same machine`,
    `- Data: ${meta.requestsTotal} requests (${meta.requests} generated + the demo data), Acme ${meta.acmeRequests}, alice ${meta.aliceRequests}; ` +
      `${meta.publicReplies} public replies, ${meta.internalNotes} internal notes, ${meta.chatSessions} chat sessions with ${meta.chatMessages} messages, ${meta.ccs} CCs; ` +
      `${meta.organizations} organizations, ${meta.users} users; database ${meta.databaseSize}`,
    `- Each case: up to ${runs} sequential runs after 3 warm-up runs (fewer when a case needs more than 20 s), warm cache; the plan is from one more run.`,
    "",
  ];
}

export function renderPlans(sections: PlanSection[], lines: string[]) {
  for (const { title, description, plans } of sections) {
    if (plans.length === 0) continue;
    lines.push(`## ${title}`);
    lines.push("");
    lines.push(description);
    lines.push("");
    for (const { label, measured } of plans) {
      if (label) lines.push(label, "");
      lines.push("```");
      lines.push(measured.plan);
      lines.push("```");
      lines.push("");
    }
  }
}

/** Each shape of SQL once (statements that differ only in their parameters are one shape). */
export function renderSql(entries: { key: string; sql: string }[], lines: string[]) {
  const seen = new Set<string>();
  lines.push("## The SQL");
  lines.push("");
  for (const { key, sql } of entries) {
    const shape = sql.replace(/\$\d+/g, "$");
    if (seen.has(shape)) continue;
    seen.add(shape);
    lines.push(`As sent for case ${key}:`);
    lines.push("");
    lines.push("```sql");
    lines.push(sql.trim());
    lines.push("```");
    lines.push("");
  }
}
