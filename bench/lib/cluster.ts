import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

// A PostgreSQL cluster of a test's own, in a temporary directory, on a loopback port: something a
// fault test may stop and restart without touching the machine's shared server (port 5432), which
// others use. As root the binaries run as the `postgres` user, since initdb refuses root.

const run = promisify(execFile);

const BIN_ROOT = "/usr/lib/postgresql";
const SERVICE_USER = "postgres";

export interface PrivateCluster {
  port: number;
  /** The cluster's one application database (`portico`), as the app's DATABASE_URL. */
  url: string;
  /** The temporary directory: data, socket and log. */
  directory: string;
  /** Fast shutdown (open connections are ended), then start again; resolves once it accepts connections. */
  restart(options?: { downMs?: number; onDown?: () => void }): Promise<{ downAt: number; upAt: number }>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster (when running) and removes its directory; safe to call more than once. */
  remove(): Promise<void>;
  /** The last lines of the server's log, for a failure's message. */
  logTail(): Promise<string>;
}

export interface ClusterOptions {
  /** Ports tried, in a random order: the first free one is taken. */
  ports?: readonly [number, number];
  /** Passed to the server as -c settings. */
  settings?: Record<string, string>;
  /** A streaming replica of this cluster, copied from it (pg_basebackup), instead of a new one: a read replica. */
  standbyOf?: PrivateCluster;
}

/** initdb, start, CREATE DATABASE portico; or, for a standby, a copy of its primary that follows it. */
export async function createPrivateCluster({ ports = [55400, 55499], settings = {}, standbyOf }: ClusterOptions = {}): Promise<PrivateCluster> {
  const bin = postgresBin();
  const asRoot = process.getuid?.() === 0;
  const directory = mkdtempSync(join(tmpdir(), "portico-cluster-"));
  const data = join(directory, "data");
  const log = join(directory, "server.log");
  if (asRoot) chownSync(directory, ...serviceIds());
  const tool = (name: string, args: string[]) => {
    const [command, ...rest] = asRoot ? ["runuser", "-u", SERVICE_USER, "--", join(bin, name), ...args] : [join(bin, name), ...args];
    return run(command!, rest, { cwd: directory, timeout: 120_000 });
  };

  let running = false;
  let removed = false;
  let port = 0;
  const options = () =>
    [`-p ${port}`, `-k ${directory}`, "-c listen_addresses=127.0.0.1", ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`)].join(" ");
  const start = async () => {
    await tool("pg_ctl", ["-D", data, "-l", log, "-o", options(), "-w", "-t", "60", "start"]);
    running = true;
  };
  const stop = async () => {
    if (!running) return;
    await tool("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "60", "stop"]);
    running = false;
  };
  const remove = async () => {
    if (removed) return;
    try {
      await stop();
    } catch {
      // Already gone, or failing to stop: the immediate mode does not wait for anyone.
      await tool("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
    }
    rmSync(directory, { recursive: true, force: true });
    removed = true;
  };

  try {
    if (standbyOf) {
      // -R writes the standby's settings (standby.signal, primary_conninfo); initdb's rules trust replication on loopback.
      await tool("pg_basebackup", ["-D", data, "-R", "-X", "stream", "-c", "fast", "-h", "127.0.0.1", "-p", String(standbyOf.port), "-U", SERVICE_USER]);
    } else {
      await tool("initdb", ["-D", data, "-A", "trust", "-U", SERVICE_USER, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
    }
    for (const candidate of shuffled(ports)) {
      if (!(await isFree(candidate))) continue;
      port = candidate;
      try {
        await start();
        break;
      } catch {
        // Taken between the check and the start: the next one.
        port = 0;
      }
    }
    if (!port) throw new Error(`No free port in ${ports[0]}-${ports[1]} for a private PostgreSQL cluster`);
    if (!standbyOf) {
      const admin = new pg.Client({ host: "127.0.0.1", port, user: SERVICE_USER, database: "postgres" });
      await admin.connect();
      await admin.query("CREATE DATABASE portico").finally(() => admin.end());
    }
  } catch (error) {
    await remove();
    throw error;
  }

  return {
    port,
    url: `postgresql://${SERVICE_USER}@127.0.0.1:${port}/portico`,
    directory,
    async restart({ downMs = 0, onDown } = {}) {
      await stop();
      const downAt = Date.now();
      onDown?.();
      if (downMs > 0) await new Promise((done) => setTimeout(done, downMs));
      await start();
      return { downAt, upAt: Date.now() };
    },
    stop,
    start,
    remove,
    async logTail() {
      try {
        const { stdout } = await run("tail", ["-n", "30", log]);
        return stdout;
      } catch {
        return "";
      }
    },
  };
}

/** The newest PostgreSQL's binaries (Debian's layout: /usr/lib/postgresql/<major>/bin), if installed. */
function findPostgresBin(): string | undefined {
  const majors = existsSync(BIN_ROOT) ? readdirSync(BIN_ROOT).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a)) : [];
  return majors.map((major) => join(BIN_ROOT, major, "bin")).find((bin) => existsSync(join(bin, "initdb")));
}

function postgresBin(): string {
  const found = findPostgresBin();
  if (!found) throw new Error(`No PostgreSQL binaries under ${BIN_ROOT}/<version>/bin (apt-get install postgresql)`);
  return found;
}

/** Whether a private cluster can be made here: PostgreSQL's binaries, and as root a user to run them as. */
export function canCreatePrivateCluster(): boolean {
  if (!findPostgresBin()) return false;
  return process.getuid?.() !== 0 || readFileSync("/etc/passwd", "utf8").split("\n").some((entry) => entry.startsWith(`${SERVICE_USER}:`));
}

/** The service user's uid and gid, to hand it the temporary directory. */
function serviceIds(): [number, number] {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith(`${SERVICE_USER}:`));
  if (!line) throw new Error(`No "${SERVICE_USER}" user to run PostgreSQL as (initdb refuses root)`);
  const fields = line.split(":");
  return [Number(fields[2]), Number(fields[3])];
}

function shuffled([low, high]: readonly [number, number]): number[] {
  const all = Array.from({ length: high - low + 1 }, (_, i) => low + i);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}

/** Nothing listens on the port on loopback. */
export function isFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once("error", () => done(false));
    server.listen(port, "127.0.0.1", () => server.close(() => done(true)));
  });
}

/** Runs one statement on the cluster's application database as the superuser. */
export async function queryCluster<Row extends object>(cluster: PrivateCluster, text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Resolves once the standby has replayed all the primary had written when called. */
export async function replayCaughtUp(primary: PrivateCluster, standby: PrivateCluster, timeoutMs = 20_000): Promise<void> {
  const [current] = await queryCluster<{ lsn: string }>(primary, "SELECT pg_current_wal_lsn()::text AS lsn");
  const deadline = Date.now() + timeoutMs;
  while (!(await queryCluster<{ done: boolean }>(standby, "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done", [current!.lsn]))[0]!.done) {
    if (Date.now() > deadline) throw new Error(`The standby did not replay the primary's writes within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Pauses or resumes a standby's replay: a paused standby stands for a replica that lags. */
export async function setReplayPaused(standby: PrivateCluster, paused: boolean): Promise<void> {
  await queryCluster(standby, paused ? "SELECT pg_wal_replay_pause()" : "SELECT pg_wal_replay_resume()");
}
