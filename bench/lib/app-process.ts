import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import { nextServerArguments } from "../../scripts/lib/next-server";
import { PROJECT_ROOT } from "../../scripts/lib/schema-engine";

// Starting and stopping `next start` of a finished build for a benchmark, reading its memory, and
// signing in over HTTP the way the sign-in form does.

export interface AppInstance {
  base: string;
  process: ChildProcess;
}

export interface InstanceOptions {
  port: number;
  databaseUrl: string;
  poolMax: number;
  authSecret: string;
  /** Extra environment (e.g. AUTOMATION_INTERVAL_SECONDS). */
  env?: Record<string, string>;
}

/** `next start` of PORTICO_BUILD_DIR on a port, with its output on our stderr; resolves once it answers. */
export async function startInstance({ port, databaseUrl, poolMax, authSecret, env = {} }: InstanceOptions): Promise<AppInstance> {
  const base = `http://localhost:${port}`;
  if (await responds(`${base}/api/auth/csrf`)) throw new Error(`Something already listens on port ${port}; choose another with --port.`);
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: String(poolMax),
    NEXTAUTH_SECRET: authSecret,
    NEXTAUTH_URL: base,
    ...env,
  };
  // One inbound mail receiver per machine at most: the benchmark's instances run none.
  for (const name of ["INBOUND_SMTP_PORT", "IMAP_URL", "SMTP_URL"]) delete childEnv[name];
  const child = spawn(process.execPath, nextServerArguments("start", port), {
    cwd: PROJECT_ROOT,
    env: childEnv,
    stdio: ["ignore", 2, 2],
  });
  try {
    await waitUntilAnswering(child, `${base}/api/auth/csrf`, 120_000);
  } catch (error) {
    child.kill("SIGTERM");
    throw error;
  }
  return { base, process: child };
}

/** The version of a Node.js binary, as it names itself ("v20.20.2"), for a report. */
export function nodeVersion(binary: string): string {
  return execFileSync(binary, ["--version"], { encoding: "utf8" }).trim();
}

export interface ServedAppOptions {
  buildDir: string;
  port: number;
  env?: Record<string, string>;
  readyTimeoutMs?: number;
  /** The checkout to serve: this one unless another is compared with it. */
  root?: string;
  /** The Node.js binary that runs the app: this process's unless another is compared with it. */
  node?: string;
}

/**
 * The built app on the benchmark database as `npm start` serves it (bench/serve-app.ts of `root`, which
 * builds into `buildDir` first when the sources changed), with `env` added to this process's environment,
 * its output on stderr; resolves once it answers.
 */
export async function startServedApp(options: ServedAppOptions): Promise<{ base: string; app: ChildProcess }> {
  const base = `http://localhost:${options.port}`;
  if (await responds(`${base}/api/auth/csrf`)) throw new Error(`Something already listens on port ${options.port}; set BENCH_PORT to a free port.`);
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, PORTICO_BUILD_DIR: options.buildDir, BENCH_PORT: String(options.port) };
  delete env.NEXTAUTH_URL;
  delete env.DATABASE_URL;
  const root = options.root ?? PROJECT_ROOT;
  // serve-app.ts starts the server with the binary that runs it.
  const app = spawn(options.node ?? process.execPath, ["--import", "tsx", join(root, "bench/serve-app.ts")], { cwd: root, env, stdio: ["ignore", 2, 2] });
  try {
    // The first start builds (minutes).
    await waitUntilAnswering(app, `${base}/api/auth/csrf`, options.readyTimeoutMs ?? 15 * 60_000);
  } catch (error) {
    await stopProcess(app);
    throw error;
  }
  return { base, app };
}

/** Resolves once `target` answers; fails when the app's process stops first or `timeoutMs` passes. */
export async function waitUntilAnswering(app: ChildProcess, target: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`The app stopped (exit ${app.exitCode}) before it answered ${target}`);
    if (await responds(target)) return;
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`The app did not answer ${target} within ${Math.round(timeoutMs / 1000)} s`);
}

export async function stopInstance(instance: AppInstance): Promise<void> {
  await stopProcess(instance.process);
}

/** SIGTERM, then SIGKILL when the process has not exited within `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGTERM");
  const timeout = new Promise((done) => setTimeout(() => done("timeout"), graceMs));
  if ((await Promise.race([exited, timeout])) === "timeout") {
    process.stderr.write(`Process ${child.pid} did not stop within ${graceMs / 1000} s; killing it.\n`);
    child.kill("SIGKILL");
  }
}

export async function responds(target: string): Promise<boolean> {
  try {
    await fetch(target, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

/** Every descendant of a process, itself included. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may hold spaces and parentheses: the fields after its closing one are fixed.
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree: number[] = [];
  const visit = (id: number) => {
    tree.push(id);
    for (const child of children.get(id) ?? []) visit(child);
  };
  visit(pid);
  return tree;
}

/** CPU time (user + system) a process and its descendants have used so far, in seconds. */
export function processTreeCpuSeconds(pid: number): number {
  let ticks = 0;
  for (const id of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${id}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime and stime: fields 14 and 15 of stat, 12 and 13 after the command name.
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone.
    }
  }
  // Linux counts in USER_HZ, 100 per second.
  return ticks / 100;
}

/** The machine's CPU counters (all cores) from /proc/stat: busy and total ticks. */
export function machineCpu(): { busy: number; total: number } {
  const fields = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
  // idle and iowait
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** The share of all cores busy between two readings, 0…1. */
export function machineBusy(before: { busy: number; total: number }, after: { busy: number; total: number }): number {
  return after.total > before.total ? (after.busy - before.busy) / (after.total - before.total) : 0;
}

/** Resident memory (VmRSS) and its high-water mark (VmHWM) in MiB of a process and its descendants. */
export function processTreeMemory(pid: number): { rssMiB: number; hwmMiB: number; serverMiB: number } {
  let rss = 0;
  let hwm = 0;
  let server = 0;
  for (const id of processTree(pid)) {
    try {
      const status = readFileSync(`/proc/${id}/status`, "utf8");
      const resident = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      rss += resident;
      hwm += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      // The Next.js server names its process; the rest of the tree is the start script that supervises it.
      if (/^Name:\s+next-server/m.test(status)) server += resident;
    } catch {
      // Gone.
    }
  }
  return { rssMiB: rss / 1024, hwmMiB: hwm / 1024, serverMiB: server / 1024 };
}

/** A minimal cookie jar: name → value, from every Set-Cookie seen. */
export class Cookies {
  private readonly values = new Map<string, string>();
  store(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const pair = header.split(";")[0] ?? "";
      const separator = pair.indexOf("=");
      if (separator > 0) this.values.set(pair.slice(0, separator).trim(), pair.slice(separator + 1));
    }
  }
  has(suffix: string) {
    return [...this.values.keys()].some((name) => name.endsWith(suffix));
  }
  header() {
    return [...this.values].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/** next-auth's credentials flow, as the sign-in form does it: CSRF token, then the callback. */
export async function signIn(base: string, email: string, password = DEMO_PASSWORD): Promise<Cookies> {
  const cookies = new Cookies();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  cookies.store(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/requests`, json: "true" }),
    redirect: "manual",
  });
  cookies.store(callback);
  await callback.body?.cancel();
  if (!cookies.has("next-auth.session-token")) throw new Error(`Signing in as ${email} failed (HTTP ${callback.status})`);
  return cookies;
}
