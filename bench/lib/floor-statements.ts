import pg from "pg";
import { adminUrl, databaseName } from "./bench-database";
import { parseStatementLog, withStatementLog, type LoggedStatement, type StatementLog } from "./statement-log";

// The raw-SQL floor's statements: what the app sent for one request of each case, captured from
// PostgreSQL's log while the app served it (bench/lib/statement-log.ts), and how the floor sends them
// again (bench/floor.ts) — the same statements, parameters, protocol, transactions and connections.

export interface FloorStatement {
  sql: string;
  /** As bound (text, null for NULL), sent with the extended protocol; absent: sent as a simple query. */
  params?: (string | null)[];
}

/** Statements one connection sends in a row: a transaction (BEGIN … COMMIT) or one statement alone. */
export type FloorChain = FloorStatement[];
/** Chains the app had in flight at once. */
export type FloorStep = FloorChain[];

export interface FloorCase {
  name: string;
  title: string;
  /** What the floor answers with: the rows as HTML for a page, as JSON for the API. */
  answer: "html" | "json";
  /** False for a case the floor does not serve (why says why); its statements are kept to read. */
  replay: boolean;
  why?: string;
  statements: number;
  capturedAt: string;
  /** How many of the captures sent exactly these statements (the others had the app's background jobs in them). */
  agreeing: string;
  /** One after another; the chains of a step concurrently, each on a connection of its own. */
  steps: FloorStep[];
}

export interface FloorFile {
  note: string;
  capturedAt: string;
  database: string;
  /** What the app sent while serving nothing (its mail and webhook delivery jobs): left out of every case's statements. */
  background: string[];
  cases: FloorCase[];
}

export interface CaptureTarget {
  name: string;
  title: string;
  url: string;
  method?: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  /** Paths the requests go to in turn (as wrk sends them); `url`'s when absent. */
  paths?: string[];
  answer: "html" | "json";
  /** Why the floor cannot replay this case; absent when it can. */
  noReplay?: string;
}

const BEGIN = /^\s*(BEGIN|START TRANSACTION)\b/i;
const END = /^\s*(COMMIT|ROLLBACK|END)\b/i;

/** Requests per case whose statements are read; the most common statement list among them is kept. */
const CAPTURES = 5;
/** After its answer, how long the app may still send statements for a request (work done after answering). */
const AFTER_ANSWER_MS = 300;
/** A moment in which none of the app's connections is busy: its background jobs (automation, mail and webhook delivery) are not running. */
const QUIET_MS = 500;
const QUIET_LIMIT_MS = 120_000;
/** Longer than the app's polling jobs' interval (5 s): what it sends meanwhile without a request is theirs. */
const BACKGROUND_MS = 6_000;

/**
 * Serves each case's request CAPTURES times, statement logging on for each request only, and keeps
 * what the app sent for it: the log lines of the app's own connections on the benchmark database.
 */
export async function captureStatements(targets: CaptureTarget[], appPid: number, databaseUrl: string): Promise<FloorFile> {
  const database = databaseName(databaseUrl);
  const serverPort = Number(new URL(databaseUrl).port || 5432);
  const cases: FloorCase[] = [];
  const background = new Set<string>();
  await withStatementLog(adminUrl(databaseUrl), async (log) => {
    // The app's connections, sampled for as long as `work` runs: its pool closes connections idle for 10 s, so one that served
    // the start of a slow request may be gone by its end.
    const sending = async (work: () => Promise<void>) => {
      const pids = await log.backendsOf(appPid, database, serverPort);
      const from = log.position();
      await log.on();
      // Started after on() and awaited before off(): the three share one connection, one query at a time.
      let done = false;
      const sampler = (async () => {
        while (!done) {
          for (const pid of await log.backendsOf(appPid, database, serverPort)) pids.add(pid);
          await new Promise((wake) => setTimeout(wake, 100));
        }
      })();
      try {
        await work();
        await new Promise((wake) => setTimeout(wake, AFTER_ANSWER_MS));
      } finally {
        done = true;
        await sampler;
        await log.off();
      }
      for (const pid of await log.backendsOf(appPid, database, serverPort)) pids.add(pid);
      return parseStatementLog(log.read(from), database, pids);
    };
    // The polling jobs' statements, seen without a request; a window with a transaction in it had the automation's pass and is tried again.
    for (let attempt = 0; attempt < 3; attempt++) {
      await untilQuiet(log, appPid, database, serverPort);
      const seen = await sending(() => new Promise((wake) => setTimeout(wake, BACKGROUND_MS)));
      if (seen.some((statement) => BEGIN.test(statement.sql))) continue;
      for (const statement of seen) background.add(statement.sql);
      break;
    }
    let turn = 0;
    for (const target of targets) {
      const captured: LoggedStatement[][] = [];
      for (let i = 0; i < CAPTURES; i++) {
        await untilQuiet(log, appPid, database, serverPort);
        const path = target.paths?.[turn++ % target.paths.length];
        let status = 0;
        const statements = await sending(async () => {
          const response = await fetch(path ? new URL(path, target.url) : target.url, { method: target.method ?? "GET", headers: target.headers, body: target.body, redirect: "manual" });
          await response.arrayBuffer();
          status = response.status;
        });
        if (status >= 300) throw new Error(`${target.name}: ${target.method ?? "GET"} ${target.url} answered ${status} while capturing its statements`);
        captured.push(statements.filter((statement) => !background.has(statement.sql)));
      }
      const { statements, agreeing } = mostCommon(captured);
      cases.push({
        name: target.name,
        title: target.title,
        answer: target.answer,
        replay: !target.noReplay,
        ...(target.noReplay ? { why: target.noReplay } : {}),
        statements: statements.length,
        capturedAt: new Date().toISOString(),
        agreeing: `${agreeing} of ${captured.length}`,
        steps: stepsOf(statements),
      });
    }
  });
  return {
    note:
      "What the app sent for one request of each case, from PostgreSQL's log (bench/load.ts captures it at every run). " +
      "steps: one after another; each step's chains at once, each on a connection of its own; a chain's statements in order on one connection " +
      "(a transaction, or one statement). params absent: sent as a simple query. background: statements the app sent while serving no request " +
      "(its polling jobs), left out of the cases.",
    capturedAt: new Date().toISOString(),
    database,
    background: [...background],
    cases,
  };
}

/** Waits for a moment in which none of the app's connections is busy, so that a capture holds its request's statements only. */
async function untilQuiet(log: StatementLog, appPid: number, database: string, serverPort: number): Promise<void> {
  const deadline = Date.now() + QUIET_LIMIT_MS;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (await log.busy(await log.backendsOf(appPid, database, serverPort))) quietSince = Date.now();
    else if (Date.now() - quietSince >= QUIET_MS) return;
    await new Promise((done) => setTimeout(done, 25));
  }
  process.stderr.write("The app's background jobs did not pause within 2 minutes; capturing anyway (the most common capture is kept).\n");
}

/** The statement list most captures agree on (by SQL, in any order: concurrent statements may log in either order); the shorter on a tie. */
function mostCommon(captured: LoggedStatement[][]): { statements: LoggedStatement[]; agreeing: number } {
  const groups = new Map<string, LoggedStatement[][]>();
  for (const statements of captured) {
    const key = statements
      .map((statement) => statement.sql)
      .sort()
      .join("\u0000");
    groups.set(key, [...(groups.get(key) ?? []), statements]);
  }
  const [best] = [...groups.values()].sort((a, b) => b.length - a.length || a[0]!.length - b[0]!.length);
  return { statements: best![0]!, agreeing: best!.length };
}


/**
 * Chains (a connection's transaction, or a statement alone) grouped into steps: a chain that began
 * in the log before another one's end ran concurrently with it, so both go in one step.
 */
export function stepsOf(statements: LoggedStatement[]): FloorStep[] {
  const units: { start: number; end: number; chain: FloorChain }[] = [];
  const open = new Map<number, { start: number; end: number; chain: FloorChain }>();
  for (const statement of statements) {
    const sent: FloorStatement = statement.params ? { sql: statement.sql, params: statement.params } : { sql: statement.sql };
    const transaction = open.get(statement.pid);
    if (transaction) {
      transaction.chain.push(sent);
      transaction.end = statement.end;
      if (END.test(statement.sql)) open.delete(statement.pid);
      continue;
    }
    const unit = { start: statement.start, end: statement.end, chain: [sent] };
    units.push(unit);
    if (BEGIN.test(statement.sql)) open.set(statement.pid, unit);
  }
  units.sort((a, b) => a.start - b.start);
  const steps: FloorStep[] = [];
  let stepEnd = -1;
  for (const unit of units) {
    if (steps.length > 0 && unit.start < stepEnd) steps.at(-1)!.push(unit.chain);
    else steps.push([unit.chain]);
    stepEnd = Math.max(stepEnd, unit.end);
  }
  return steps;
}

type Queryable = Pick<pg.Pool, "query"> | Pick<pg.PoolClient, "query">;

/** One statement as the app's driver sent it: with parameters through the extended protocol, else as a simple query. */
async function send(connection: Queryable, statement: FloorStatement): Promise<unknown[][]> {
  // pg takes a query without values as a simple one; a logged `execute` without parameters was an extended one.
  const query: pg.QueryConfig & { queryMode?: "extended" } = { text: statement.sql, values: statement.params, ...(statement.params?.length === 0 ? { queryMode: "extended" } : {}) };
  const result = await connection.query<unknown[]>({ ...query, rowMode: "array" });
  return result.rows;
}

async function runChain(pool: pg.Pool, chain: FloorChain): Promise<unknown[][][]> {
  if (chain.length === 1) return [await send(pool, chain[0]!)];
  const client = await pool.connect();
  const results: unknown[][][] = [];
  try {
    for (const statement of chain) results.push(await send(client, statement));
  } catch (error) {
    // A connection left inside a failed transaction must not go back to the pool.
    client.release(error as Error);
    throw error;
  }
  client.release();
  return results;
}

/** Sends a case's statements; the rows of each, in the order of the statements. */
export async function runCase(pool: pg.Pool, floorCase: FloorCase): Promise<unknown[][][]> {
  const results: unknown[][][] = [];
  for (const step of floorCase.steps) {
    const chains = await Promise.all(step.map((chain) => runChain(pool, chain)));
    for (const chain of chains) results.push(...chain);
  }
  return results;
}

const escapeHtml = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** A minimal answer built from the rows: a table per statement (HTML), or the rows as JSON. */
export function renderAnswer(floorCase: FloorCase, results: unknown[][][]): string {
  if (floorCase.answer === "json") return JSON.stringify({ results });
  const tables = results
    .filter((rows) => rows.length > 0)
    .map((rows) => `<table>${rows.map((row) => `<tr>${row.map((value) => `<td>${escapeHtml(cell(value))}</td>`).join("")}</tr>`).join("")}</table>`);
  return `<!doctype html><html><head><title>${escapeHtml(floorCase.title)}</title></head><body>${tables.join("\n")}</body></html>`;
}
