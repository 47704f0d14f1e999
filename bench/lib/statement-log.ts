import { closeSync, existsSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { processTree } from "./app-process";

// The statements an app sends, read from PostgreSQL's own log: statement logging is switched on for
// the whole server for a moment (ALTER SYSTEM + pg_reload_conf(), which pooled connections pick up
// at their next message, unlike ALTER ROLE / DATABASE … SET) and off again, and the log lines of the
// app's own connections (found by their client ports) are parsed back into statements with their
// parameters.

/** The prefix the parser reads: time, [pid], user@database; set for the capture, put back after. */
const LINE_PREFIX = "%m [%p] %q%u@%d ";
const PREFIX = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[(\d+)\] (?:(\S*)@(\S*) )?([A-Z]+):  (.*)$/;

export interface LoggedStatement {
  pid: number;
  sql: string;
  /** The bound parameters as PostgreSQL printed them (text, or null for NULL); absent for the simple query protocol. */
  params?: (string | null)[];
  /** Positions in the log of its first message (parse or bind) and of its execution's end: where statements of several connections overlapped. */
  start: number;
  end: number;
}

interface Entry {
  pid: number;
  database: string | undefined;
  level: string;
  text: string;
}

/** Log entries (a line and its tab-indented continuation lines), in the order written. */
function entries(text: string): Entry[] {
  const out: Entry[] = [];
  for (const line of text.split("\n")) {
    const match = PREFIX.exec(line);
    if (match) out.push({ pid: Number(match[1]), database: match[3], level: match[4]!, text: match[5]! });
    else if (out.length > 0 && line !== "") out.at(-1)!.text += `\n${line.startsWith("\t") ? line.slice(1) : line}`;
  }
  return out;
}

/** `$1 = 'a''b', $2 = NULL` → ["a'b", null]. */
export function parseParameters(text: string): (string | null)[] {
  const values: (string | null)[] = [];
  let at = 0;
  while (at < text.length) {
    const head = /^\$(\d+) = /.exec(text.slice(at));
    if (!head) throw new Error(`Unreadable parameters in the log at: ${text.slice(at, at + 80)}`);
    at += head[0].length;
    if (text.startsWith("NULL", at)) {
      values[Number(head[1]) - 1] = null;
      at += 4;
    } else {
      if (text[at] !== "'") throw new Error(`Unreadable parameter value in the log at: ${text.slice(at, at + 80)}`);
      let value = "";
      at++;
      for (;;) {
        const quote = text.indexOf("'", at);
        if (quote < 0) throw new Error("Unterminated parameter value in the log");
        value += text.slice(at, quote);
        at = quote + 1;
        if (text[at] !== "'") break;
        value += "'";
        at++;
      }
      // log_parameter_max_length cuts values and marks the cut with "...": such a value cannot be replayed.
      if (text.startsWith("...", at)) throw new Error("A parameter was cut in the log: set log_parameter_max_length = -1");
      values[Number(head[1]) - 1] = value;
    }
    if (text.startsWith(", ", at)) at += 2;
  }
  return values;
}

/**
 * The statements executed on `database` by the backends `pids`, from log text written with
 * log_min_duration_statement = 0: `parse`, `bind` and `execute` lines of the extended protocol
 * (parameters in the DETAIL after `execute`), `statement:` lines of the simple one.
 */
export function parseStatementLog(text: string, database: string, pids: ReadonlySet<number>): LoggedStatement[] {
  const statements: LoggedStatement[] = [];
  const opened = new Map<number, number>();
  // The statement whose `execute` line was this backend's last entry: its DETAIL holds its parameters (a `bind` line's DETAIL repeats them).
  const executed = new Map<number, LoggedStatement>();
  entries(text).forEach((entry, position) => {
    if (entry.database !== database || !pids.has(entry.pid)) return;
    if (entry.level === "DETAIL") {
      const parameters = /^parameters: ([\s\S]*)$/.exec(entry.text);
      const statement = executed.get(entry.pid);
      if (parameters && statement?.params) statement.params = parseParameters(parameters[1]!);
      return;
    }
    executed.delete(entry.pid);
    if (entry.level !== "LOG") return;
    const message = /^duration: [\d.]+ ms {2}(parse|bind|execute|statement)(?: [^:]*)?: ([\s\S]*)$/.exec(entry.text);
    if (!message) return;
    const [, kind, sql] = message;
    if (kind === "parse" || kind === "bind") {
      if (!opened.has(entry.pid)) opened.set(entry.pid, position);
      return;
    }
    const statement: LoggedStatement = { pid: entry.pid, sql: sql!, start: opened.get(entry.pid) ?? position, end: position };
    // An execute without a DETAIL had no parameters, but still went through the extended protocol.
    if (kind === "execute") statement.params = [];
    opened.delete(entry.pid);
    if (kind === "execute") executed.set(entry.pid, statement);
    statements.push(statement);
  });
  return statements;
}

/** The server's log file: the collector's current one, else Debian's per-cluster file that pg_ctlcluster sends stderr to; BENCH_POSTGRES_LOG overrides. */
async function logFile(client: pg.Client): Promise<string> {
  if (process.env.BENCH_POSTGRES_LOG) return process.env.BENCH_POSTGRES_LOG;
  const { rows } = await client.query<{ current: string | null; directory: string; cluster: string }>(
    "SELECT pg_current_logfile() AS current, current_setting('data_directory') AS directory, current_setting('cluster_name') AS cluster",
  );
  const row = rows[0]!;
  const candidates = [row.current && (row.current.startsWith("/") ? row.current : join(row.directory, row.current)), row.cluster && `/var/log/postgresql/postgresql-${row.cluster.replace("/", "-")}.log`];
  const found = candidates.find((path): path is string => Boolean(path) && existsSync(path as string));
  if (!found) throw new Error("Cannot find PostgreSQL's log file to capture the app's statements from: set BENCH_POSTGRES_LOG to its path.");
  return found;
}

/** The settings the capture changes; what postgresql.auto.conf held for them before is put back after. */
const SETTINGS = ["log_min_duration_statement", "log_line_prefix", "log_parameter_max_length"] as const;
const CAPTURE_VALUES: Record<(typeof SETTINGS)[number], string> = { log_min_duration_statement: "0", log_line_prefix: LINE_PREFIX, log_parameter_max_length: "-1" };

/**
 * What postgresql.auto.conf held before a capture, kept in a file while one runs: a capture killed
 * before it could switch the logging off again (SIGKILL, a crash) is undone by the next one first.
 */
function stateFile(adminUrl: string): string {
  const { hostname, port } = new URL(adminUrl);
  return join(tmpdir(), `portico-statement-log-${hostname}-${port || 5432}.json`);
}

async function restoreSettings(client: pg.Client, previous: Record<string, string>): Promise<void> {
  for (const name of SETTINGS) {
    const value = previous[name];
    await client.query(value === undefined ? `ALTER SYSTEM RESET ${name}` : `ALTER SYSTEM SET ${name} = ${pg.escapeLiteral(value)}`);
  }
  await client.query("SELECT pg_reload_conf()");
}

/**
 * Lends `work` a StatementLog whose logging it switches on only while a request it captures is in
 * flight: the setting is the whole server's, so every database's statements are logged meanwhile.
 * Off again (and postgresql.auto.conf as it was) when `work` ends or fails, or on SIGINT / SIGTERM.
 * Needs a superuser on the server (`adminUrl`) and read access to its log file.
 */
export async function withStatementLog<T>(adminUrl: string, work: (log: StatementLog) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const state = stateFile(adminUrl);
  let log: StatementLog | undefined;
  const onSignal = () =>
    void restoreSettings(client, log?.previous ?? {})
      .then(() => unlinkSync(state))
      .finally(() => process.exit(130));
  try {
    const { rows } = await client.query<{ superuser: string }>("SELECT current_setting('is_superuser') AS superuser");
    if (rows[0]?.superuser !== "on") throw new Error("Capturing the app's statements needs a superuser on the benchmark's PostgreSQL server (ALTER SYSTEM).");
    const path = await logFile(client);
    if (existsSync(state)) {
      process.stderr.write(`An earlier capture did not end: restoring the logging settings it kept in ${state}.\n`);
      await restoreSettings(client, JSON.parse(readFileSync(state, "utf8")) as Record<string, string>);
      unlinkSync(state);
    }
    const before = await client.query<{ name: string; setting: string }>("SELECT name, setting FROM pg_file_settings WHERE sourcefile LIKE '%postgresql.auto.conf' AND name = ANY($1) AND applied", [
      [...SETTINGS],
    ]);
    log = new StatementLog(path, client, Object.fromEntries(before.rows.map((row) => [row.name, row.setting])));
    writeFileSync(state, JSON.stringify(log.previous));
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    return await work(log);
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    try {
      if (log) await log.off();
      if (existsSync(state)) unlinkSync(state);
    } finally {
      await client.end();
    }
  }
}

/** The server's log from a position on, and who wrote it; statement logging switched on and off. */
export class StatementLog {
  private logging = false;

  constructor(
    readonly path: string,
    private readonly client: pg.Client,
    /** What postgresql.auto.conf held for SETTINGS before. */
    readonly previous: Record<string, string>,
  ) {}

  async on(): Promise<void> {
    if (this.logging) return;
    this.logging = true;
    for (const name of SETTINGS) await this.client.query(`ALTER SYSTEM SET ${name} = ${pg.escapeLiteral(CAPTURE_VALUES[name])}`);
    await this.client.query("SELECT pg_reload_conf()");
    // pg_reload_conf() only signals the server: once this session sees the new value, the postmaster has signalled every backend,
    // and each reads the configuration again before its next message.
    for (let attempt = 0; attempt < 50; attempt++) {
      await new Promise((done) => setTimeout(done, 50));
      const { rows } = await this.client.query<{ value: string }>("SELECT current_setting('log_min_duration_statement') AS value");
      if (rows[0]?.value === "0") break;
    }
    await new Promise((done) => setTimeout(done, 100));
  }

  async off(): Promise<void> {
    if (!this.logging) return;
    this.logging = false;
    await restoreSettings(this.client, this.previous);
  }

  /** The backends serving process `pid` on `database`: whose lines are the app's. */
  backendsOf(pid: number, database: string, serverPort: number): Promise<Set<number>> {
    return backendsOf(pid, this.client, database, serverPort);
  }

  /** Whether any of `pids` is running a statement or holds a transaction open. */
  async busy(pids: Set<number>): Promise<boolean> {
    const { rows } = await this.client.query<{ busy: number }>("SELECT count(*)::int AS busy FROM pg_stat_activity WHERE pid = ANY($1::int[]) AND state <> 'idle'", [[...pids]]);
    return (rows[0]?.busy ?? 0) > 0;
  }

  position(): number {
    return statSync(this.path).size;
  }

  read(from: number): string {
    const size = statSync(this.path).size;
    if (size <= from) return "";
    const buffer = Buffer.alloc(size - from);
    const fd = openSync(this.path, "r");
    try {
      readSync(fd, buffer, 0, buffer.length, from);
    } finally {
      closeSync(fd);
    }
    return buffer.toString("utf8");
  }
}

/**
 * The PostgreSQL backends serving a process (and its children): its TCP connections' local ports,
 * from /proc, matched against pg_stat_activity's client_port.
 */
export async function backendsOf(pid: number, client: pg.Client, database: string, serverPort: number): Promise<Set<number>> {
  const inodes = new Set<string>();
  for (const id of processTree(pid)) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${id}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${id}/fd/${fd}`));
        if (target) inodes.add(target[1]!);
      } catch {
        // Closed meanwhile.
      }
    }
  }
  const ports: number[] = [];
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10 || !inodes.has(fields[9]!)) continue;
      const local = parseInt(fields[1]!.split(":")[1]!, 16);
      const remote = parseInt(fields[2]!.split(":")[1]!, 16);
      if (remote === serverPort) ports.push(local);
    }
  }
  const { rows } = await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND client_port = ANY($2::int[])", [database, ports]);
  return new Set(rows.map((row) => row.pid));
}
