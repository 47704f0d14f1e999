import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { nextServerArguments } from "../../scripts/lib/next-server";
import { PROJECT_ROOT } from "../../scripts/lib/project-root";
import { newApiToken } from "../../src/server/api/tokens";
import { signIn, stopProcess, waitUntilAnswering } from "./app-process";
import { createPrivateCluster, isFree, type PrivateCluster } from "./cluster";
import { openEventStream, type EventStreamClient } from "./event-stream";
import { quantile } from "./stats";

// Faults under load (bench/faults.ts, and its short form in tests/e2e/faults-under-load.spec.ts): the
// production build on a PostgreSQL cluster of its own, simulated customers reading their requests and
// replying through the Requests API with an Idempotency-Key (retrying a failed reply with the same key,
// a bounded number of times, as a real client would), and PostgreSQL restarted in the middle. What is
// held to account afterwards: every confirmed reply is stored exactly once, every other one was
// answered with an error (no hang), no error outside the restart, and the app answers again within
// 5 s of the database being back, without being restarted.

/** The demo customers whose own requests the simulated users reply to; several users share an account. */
export const CUSTOMERS = ["alice@acme.test", "bob@acme.test", "carol@acme.test", "dave@acme.test", "erin@acme.test", "gina@globex.test", "jiho@globex.test", "paolo@globex.test"];
/** How soon after the database accepts connections again the app must answer again. */
export const RECOVERY_LIMIT_MS = 5_000;

export interface FaultsApp {
  base: string;
  port: number;
  cluster: PrivateCluster;
  /** The cluster's streaming standby, when asked for: the app's read replica (DATABASE_REPLICA_URL). */
  replica: PrivateCluster | undefined;
  process: ChildProcess;
  /** The app's recent output (kept, not printed, unless asked to echo it). */
  output(): string;
  /** Stops the app, then the cluster, and removes the cluster's directory; safe to call more than once. */
  stop(): Promise<void>;
}

export interface FaultsAppOptions {
  /** A finished production build (PORTICO_BUILD_DIR), from the project's root. */
  buildDir: string;
  appPorts?: readonly [number, number];
  poolMax?: number;
  /** Print the app's output on our stderr as it comes. */
  echo?: boolean;
  /** A streaming standby of the cluster as the app's read replica. */
  replica?: boolean;
  log?: (line: string) => void;
}

/** A private cluster prepared as `npm start` prepares its database (migrations, the demo data), and `next start` of the build on it. */
export async function startFaultsApp({ buildDir, appPorts = [3800, 3899], poolMax = 10, echo = false, replica: withReplica = false, log = () => {} }: FaultsAppOptions): Promise<FaultsApp> {
  if (!existsSync(join(PROJECT_ROOT, buildDir, "BUILD_ID"))) throw new Error(`${buildDir} holds no finished build`);
  const cluster = await createPrivateCluster();
  let replica: PrivateCluster | undefined;
  let child: ChildProcess | undefined;
  let output = "";
  const stop = async () => {
    // Open keep-alive connections can hold a graceful stop: nothing of the app is kept afterwards.
    if (child) await stopProcess(child, 5_000);
    await replica?.remove();
    await cluster.remove();
  };
  try {
    log(`PostgreSQL cluster of our own on port ${cluster.port} (${cluster.directory}); preparing it as npm start does`);
    await prepareDatabase(cluster.url, poolMax);
    if (withReplica) replica = await createPrivateCluster({ standbyOf: cluster });
    const port = await freePort(appPorts);
    const base = `http://localhost:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORTICO_BUILD_DIR: buildDir,
      DATABASE_URL: cluster.url,
      DATABASE_POOL_MAX: String(poolMax),
      DATABASE_REPLICA_URL: replica?.url ?? "",
      NEXTAUTH_SECRET: randomUUID() + randomUUID(),
      NEXTAUTH_URL: base,
      // The automation's timer runs through the restart too: a failed pass must not stop the server.
      AUTOMATION_INTERVAL_SECONDS: "5",
    };
    // One inbound mail receiver per machine at most: this instance runs none, and keeps its mail.
    for (const name of ["INBOUND_SMTP_PORT", "IMAP_URL", "SMTP_URL"]) delete env[name];
    log(`Starting the app (${buildDir}) on port ${port}`);
    child = spawn(process.execPath, nextServerArguments("start", port), { cwd: PROJECT_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      if (echo) process.stderr.write(chunk);
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    await waitUntilAnswering(child, `${base}/api/auth/csrf`, 120_000);
    const started = child;
    return { base, port, cluster, replica, process: started, output: () => output, stop };
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${output}`);
  }
}

/** scripts/prepare-database.ts, as scripts/lib/serve.ts runs it for `npm start`: migrations, and the demo data on an empty database. */
function prepareDatabase(url: string, poolMax: number): Promise<void> {
  return new Promise((done, failed) => {
    let answered = false;
    const child = spawn(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "scripts/prepare-database.ts"), JSON.stringify({ url, poolMax, seedWhenEmpty: true })], {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", 2, 2, "ipc"],
    });
    child.on("message", () => (answered = true));
    child.on("error", failed);
    child.on("exit", (code) => (code === 0 && answered ? done() : failed(new Error(`Preparing the database failed (exit ${code})`))));
  });
}

async function freePort([low, high]: readonly [number, number]): Promise<number> {
  const ports = Array.from({ length: high - low + 1 }, (_, i) => low + i).sort(() => Math.random() - 0.5);
  for (const port of ports) if (await isFree(port)) return port;
  throw new Error(`No free port in ${low}-${high}`);
}

export interface SimUser {
  index: number;
  email: string;
  token: string;
}

/** One read-write API token per simulated user (each within the rate limit), stored as the API tokens page stores one; the accounts taken in turn. */
export async function makeUsers(url: string, count: number): Promise<SimUser[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; email: string }>(`SELECT id, email FROM "User" WHERE email = ANY($1) ORDER BY email`, [CUSTOMERS]);
    if (rows.length === 0) throw new Error("No demo customer in the database");
    const users: SimUser[] = [];
    for (let index = 0; index < count; index++) {
      const account = rows[index % rows.length]!;
      const made = newApiToken();
      await client.query(`INSERT INTO "ApiToken" (id, "userId", name, prefix, hash, access) VALUES ($1, $2, $3, $4, $5, 'write')`, [randomUUID(), account.id, `faults ${index + 1}`, made.prefix, made.hash]);
      users.push({ index, email: account.email, token: made.token });
    }
    return users;
  } finally {
    await client.end();
  }
}

export type CallKind = "list" | "read" | "reply";

export interface Call {
  user: number;
  kind: CallKind;
  start: number;
  end: number;
  /** The HTTP status, or how the call failed without one. */
  status: number | "timeout" | "network";
  replayed?: boolean;
}

export interface Reply {
  user: number;
  text: string;
  requestId: number;
  key: string;
  attempts: Call[];
  confirmed: boolean;
  /** The message id of the 201. */
  messageId?: string;
}

export interface Restart {
  /** `pg_ctl stop -m fast` issued. */
  stopAt: number;
  /** Stopped: nothing accepts connections. */
  downAt: number;
  /** `pg_ctl start -w` returned: accepting connections again. */
  upAt: number;
}

export interface FaultsRun {
  users: number;
  seconds: number;
  restartAtSeconds: number;
  downMs: number;
  startedAt: number;
  endedAt: number;
  calls: Call[];
  replies: Reply[];
  restart?: Restart;
  /** The app's process id before and after: the same one, never restarted. */
  pid: number;
  appAlive: boolean;
  live: LiveCheck;
}

/** The live updates of one request page, followed through the restart the way a browser's EventSource does. */
export interface LiveCheck {
  /** Times the stream ended (the server ends it when a read fails) and was opened again with Last-Event-ID. */
  reopened: number;
  /** From posting a reply after the restart to its event arriving on the stream; null when it never came. */
  deliveryMs: number | null;
  error?: string;
}

export interface RunOptions {
  app: FaultsApp;
  users: SimUser[];
  seconds: number;
  restartAtSeconds: number;
  /** How long the database stays down between stop and start. */
  downMs?: number;
  /** A call not answered within this is a hang. */
  timeoutMs?: number;
  /** Attempts per reply, the first included. */
  maxAttempts?: number;
  thinkMs?: number;
  log?: (line: string) => void;
}

/** The simulated users for `seconds`, PostgreSQL restarted at `restartAtSeconds`; every call recorded. */
export async function runFaults({ app, users, seconds, restartAtSeconds, downMs = 2_000, timeoutMs = 10_000, maxAttempts = 6, thinkMs = 1_000, log = () => {} }: RunOptions): Promise<FaultsRun> {
  const runId = randomUUID().slice(0, 8);
  const calls: Call[] = [];
  const replies: Reply[] = [];
  const pid = app.process.pid!;
  let restart: Restart | undefined;

  const call = async (user: number, kind: CallKind, path: string, init: RequestInit & { token: string }): Promise<{ record: Call; body: unknown }> => {
    const start = Date.now();
    const { token, ...rest } = init;
    let record: Call;
    let body: unknown = null;
    try {
      const response = await fetch(`${app.base}${path}`, { ...rest, headers: { ...rest.headers, authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(timeoutMs) });
      const text = await response.text();
      body = text && response.headers.get("content-type")?.includes("json") ? (JSON.parse(text) as unknown) : text;
      record = { user, kind, start, end: Date.now(), status: response.status, replayed: response.headers.get("idempotent-replayed") === "true" };
    } catch (error) {
      const timedOut = error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError");
      record = { user, kind, start, end: Date.now(), status: timedOut ? "timeout" : "network" };
    }
    calls.push(record);
    return { record, body };
  };

  // Setup, not measured: each user opens a request of its own to reply to, so that the threads read stay a user's own size.
  const own = new Map<number, number>();
  await inParallel(users, 8, async (user) => {
    // As the API asks of any client: a 503 is tried again after its Retry-After, with the same
    // Idempotency-Key (a cold instance on a busy machine may not get a connection in time at first).
    const idempotencyKey = randomUUID();
    let response: Response;
    for (let attempt = 1; ; attempt++) {
      response = await fetch(`${app.base}/api/v1/requests`, {
        method: "POST",
        headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json", "idempotency-key": idempotencyKey },
        body: JSON.stringify({ subject: `Faults ${runId}: user ${user.index + 1}`, description: "Replies under load, across a database restart.", priority: "S3" }),
      });
      if (response.status !== 503 || attempt === 5) break;
      await response.body?.cancel();
      await new Promise((done) => setTimeout(done, Number(response.headers.get("retry-after") ?? 1) * 1000));
    }
    if (response.status !== 201) throw new Error(`Opening user ${user.index + 1}'s request: HTTP ${response.status} ${await response.text()}`);
    own.set(user.index, ((await response.json()) as { request: { id: number } }).request.id);
  });
  const startedAt = Date.now();
  const deadline = startedAt + seconds * 1000;
  const think = () => sleep(thinkMs * (0.5 + Math.random()));

  const simulate = async (user: SimUser) => {
    // The users arrive over the first think time.
    await sleep(Math.random() * thinkMs);
    const requestId = own.get(user.index)!;
    let n = 0;
    while (Date.now() < deadline) {
      await call(user.index, "list", "/api/v1/requests?limit=25", { token: user.token });
      await think();
      await call(user.index, "read", `/api/v1/requests/${requestId}`, { token: user.token });
      await think();
      const text = `Faults ${runId}: user ${user.index + 1}, reply ${++n}`;
      const reply: Reply = { user: user.index, text, requestId, key: randomUUID(), attempts: [], confirmed: false };
      replies.push(reply);
      const body = JSON.stringify({ body: text });
      for (let attempt = 0; attempt < maxAttempts; attempt++) {
        if (attempt > 0) await sleep(Math.min(500 * 2 ** (attempt - 1), 4_000));
        const { record, body: answer } = await call(user.index, "reply", `/api/v1/requests/${requestId}/messages`, {
          token: user.token,
          method: "POST",
          headers: { "content-type": "application/json", "idempotency-key": reply.key },
          body,
        });
        reply.attempts.push(record);
        if (record.status === 201) {
          reply.confirmed = true;
          reply.messageId = (answer as { message: { id: string } }).message.id;
          break;
        }
        // Worth another try with the same key: no answer, the server failing or busy, the key still held.
        if (!(typeof record.status !== "number" || record.status >= 500 || record.status === 409 || record.status === 429)) break;
      }
      await think();
    }
  };

  const live = followLiveUpdates(app, users[0]!, own.get(0)!, log);
  const restarting = (async () => {
    await sleep(Math.max(0, startedAt + restartAtSeconds * 1000 - Date.now()));
    const stopAt = Date.now();
    log(`Restarting PostgreSQL (fast shutdown, ${downMs / 1000} s down)`);
    const { downAt, upAt } = await app.cluster.restart({ downMs });
    restart = { stopAt, downAt, upAt };
    log(`PostgreSQL down ${((downAt - stopAt) / 1000).toFixed(1)} s after the stop was issued, accepting connections again ${((upAt - stopAt) / 1000).toFixed(1)} s after it`);
  })();
  const progress = setInterval(() => log(`${Math.round((Date.now() - startedAt) / 1000)} s: ${calls.length} calls, ${replies.filter((reply) => reply.confirmed).length} replies confirmed`), 30_000);
  try {
    await Promise.all([...users.map(simulate), restarting]);
  } finally {
    clearInterval(progress);
  }
  const liveResult = await live.finish(restart);
  return {
    users: users.length,
    seconds,
    restartAtSeconds,
    downMs,
    startedAt,
    endedAt: Date.now(),
    calls,
    replies,
    restart,
    pid,
    appAlive: app.process.exitCode === null && app.process.signalCode === null && app.process.pid === pid,
    live: liveResult,
  };
}

/** A signed-in customer's request page stream, reopened with Last-Event-ID whenever it ends, as EventSource does. */
function followLiveUpdates(app: FaultsApp, user: SimUser, requestId: number, log: (line: string) => void) {
  let stream: EventStreamClient | undefined;
  let closed = false;
  let reopened = 0;
  let lastId: string | null = null;
  const seen: { data: string; at: number }[] = [];
  let cookie = "";
  const open = () => {
    if (closed) return;
    stream = openEventStream(`${app.base}/api/requests/${requestId}/events`, { cookie, ...(lastId ? { "last-event-id": lastId } : {}) }, (frame) => {
      if (frame.id !== null) lastId = frame.id;
      seen.push({ data: frame.data, at: Date.now() });
    });
    stream.opened.catch(() => {});
    void stream.finished.then(() => {
      if (closed) return;
      reopened++;
      // The stream's own `retry: 2000`.
      setTimeout(open, 2_000);
    });
  };
  const ready = (async () => {
    cookie = (await signIn(app.base, user.email)).header();
    open();
  })();
  return {
    async finish(restart: Restart | undefined): Promise<LiveCheck> {
      try {
        await ready;
        if (!restart) return { reopened, deliveryMs: null, error: "no restart happened" };
        // A reply now, after the restart: its event must reach the page that was open all along.
        const posted = Date.now();
        const answer = await fetch(`${app.base}/api/v1/requests/${requestId}/messages`, {
          method: "POST",
          headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
          body: JSON.stringify({ body: `Live update check ${randomUUID()}` }),
        });
        if (answer.status !== 201) return { reopened, deliveryMs: null, error: `the check's reply was answered ${answer.status}` };
        const { message } = (await answer.json()) as { message: { id: string } };
        const until = posted + 10_000;
        while (Date.now() < until) {
          const arrived = seen.find((frame) => frame.at >= posted && frame.data.includes(message.id));
          if (arrived) return { reopened, deliveryMs: arrived.at - posted };
          await sleep(50);
        }
        return { reopened, deliveryMs: null, error: "the reply's event never arrived" };
      } catch (error) {
        log(`Live updates check failed: ${String(error)}`);
        return { reopened, deliveryMs: null, error: String(error) };
      } finally {
        closed = true;
        stream?.close();
      }
    },
  };
}

export interface Requirement {
  name: string;
  ok: boolean;
  detail: string;
}

export interface FaultsVerdict {
  requirements: Requirement[];
  ok: boolean;
  /** From the stop being issued to RECOVERY_LIMIT_MS after the database was back: errors inside are the restart's. */
  window: { from: number; to: number } | null;
  recoveryMs: number | null;
  /** Calls sent after the database was back and still answered with an error: how many, and when the last one ended. */
  errorsAfterUp: { count: number; lastMs: number | null };
  counts: {
    calls: number;
    errors: number;
    errorsInWindow: number;
    errorsOutside: number;
    hangs: number;
    networkErrors: number;
    replies: number;
    confirmed: number;
    unconfirmed: number;
    unconfirmedStored: number;
    confirmedMissing: number;
    duplicated: number;
    retried: number;
    replayed: number;
  };
  statusCounts: Record<string, number>;
  latency: Record<CallKind, { p50: number; p95: number; p99: number; max: number }>;
}

const isError = (call: Call) => call.status === "timeout" || call.status === "network" || call.status >= 400;

/** Holds the run to its requirements, reading the stored replies from the database. */
export async function judgeFaults(run: FaultsRun, databaseUrl: string): Promise<FaultsVerdict> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let stored: Map<string, number>;
  try {
    const texts = run.replies.map((reply) => reply.text);
    const { rows } = await client.query<{ body: string; copies: number }>(`SELECT body, count(*)::int AS copies FROM "Comment" WHERE body = ANY($1) GROUP BY body`, [texts]);
    stored = new Map(rows.map((row) => [row.body, row.copies]));
  } finally {
    await client.end();
  }
  const { restart } = run;
  const window = restart ? { from: restart.stopAt, to: restart.upAt + RECOVERY_LIMIT_MS } : null;
  const inWindow = (call: Call) => window !== null && call.end >= window.from && call.start <= window.to;
  const errors = run.calls.filter(isError);
  const errorsOutside = errors.filter((call) => !inWindow(call));
  const firstAfter = restart ? run.calls.filter((call) => call.start >= restart.upAt && !isError(call)).sort((a, b) => a.end - b.end)[0] : undefined;
  const recoveryMs = restart && firstAfter ? firstAfter.end - restart.upAt : null;
  // Errors of calls sent once the database was back: each one is the app's recovery, not the restart.
  const errorsAfterUp = restart ? errors.filter((call) => call.start >= restart.upAt) : [];
  const lastErrorAfterUpMs = errorsAfterUp.length ? Math.max(...errorsAfterUp.map((call) => call.end)) - restart!.upAt : null;
  const confirmed = run.replies.filter((reply) => reply.confirmed);
  const unconfirmed = run.replies.filter((reply) => !reply.confirmed);
  const confirmedMissing = confirmed.filter((reply) => (stored.get(reply.text) ?? 0) === 0);
  const duplicated = run.replies.filter((reply) => (stored.get(reply.text) ?? 0) > 1);
  // Every attempt of an unconfirmed reply was answered, and with an error: none hung, none was lost silently.
  const unanswered = unconfirmed.filter((reply) => reply.attempts.length === 0 || reply.attempts.some((attempt) => typeof attempt.status !== "number"));
  const hangs = run.calls.filter((call) => call.status === "timeout").length;
  const networkErrors = run.calls.filter((call) => call.status === "network").length;
  const statusCounts: Record<string, number> = {};
  for (const call of run.calls) statusCounts[`${call.kind} ${call.status}`] = (statusCounts[`${call.kind} ${call.status}`] ?? 0) + 1;
  const latency = Object.fromEntries(
    (["list", "read", "reply"] as const).map((kind) => {
      const samples = run.calls.filter((call) => call.kind === kind).map((call) => call.end - call.start);
      return [kind, { p50: quantile(samples, 0.5), p95: quantile(samples, 0.95), p99: quantile(samples, 0.99), max: quantile(samples, 1) }];
    }),
  ) as FaultsVerdict["latency"];

  const requirements: Requirement[] = [
    { name: "PostgreSQL was restarted during the run", ok: Boolean(restart && restart.upAt < run.endedAt), detail: restart ? `down ${((restart.upAt - restart.downAt) / 1000).toFixed(1)} s` : "no restart" },
    { name: "every confirmed reply is in the database", ok: confirmedMissing.length === 0, detail: `${confirmed.length - confirmedMissing.length} of ${confirmed.length}` },
    { name: "no reply is stored twice (Idempotency-Key)", ok: duplicated.length === 0, detail: `${duplicated.length} duplicated` },
    { name: "every unconfirmed reply was answered with an error", ok: unanswered.length === 0, detail: `${unconfirmed.length} unconfirmed, ${unanswered.length} without an answer` },
    { name: "no call hung past its timeout, none lost its connection", ok: hangs === 0 && networkErrors === 0, detail: `${hangs} timeouts, ${networkErrors} network errors` },
    { name: "no error outside the restart window", ok: errorsOutside.length === 0, detail: `${errorsOutside.length} outside, ${errors.length - errorsOutside.length} inside` },
    { name: `the app answered again within ${RECOVERY_LIMIT_MS / 1000} s of the database being back`, ok: recoveryMs !== null && recoveryMs <= RECOVERY_LIMIT_MS, detail: recoveryMs === null ? "never" : `${recoveryMs} ms` },
    { name: "the app was never restarted (same process, still running)", ok: run.appAlive, detail: `pid ${run.pid}` },
    {
      name: "live updates: a reply after the restart reaches an open request page",
      ok: run.live.deliveryMs !== null && run.live.deliveryMs <= RECOVERY_LIMIT_MS,
      detail: run.live.deliveryMs === null ? (run.live.error ?? "never") : `${run.live.deliveryMs} ms (stream reopened ${run.live.reopened}×)`,
    },
  ];
  return {
    requirements,
    ok: requirements.every((requirement) => requirement.ok),
    window,
    recoveryMs,
    errorsAfterUp: { count: errorsAfterUp.length, lastMs: lastErrorAfterUpMs },
    counts: {
      calls: run.calls.length,
      errors: errors.length,
      errorsInWindow: errors.length - errorsOutside.length,
      errorsOutside: errorsOutside.length,
      hangs,
      networkErrors,
      replies: run.replies.length,
      confirmed: confirmed.length,
      unconfirmed: unconfirmed.length,
      unconfirmedStored: unconfirmed.filter((reply) => (stored.get(reply.text) ?? 0) > 0).length,
      confirmedMissing: confirmedMissing.length,
      duplicated: duplicated.length,
      retried: run.replies.filter((reply) => reply.attempts.length > 1).length,
      replayed: run.calls.filter((call) => call.replayed).length,
    },
    statusCounts,
    latency,
  };
}

/** The verdict in a few lines, for a test's failure message or a log. */
export function summarizeVerdict(verdict: FaultsVerdict): string {
  return [
    ...verdict.requirements.map((requirement) => `${requirement.ok ? "ok  " : "FAIL"} ${requirement.name}: ${requirement.detail}`),
    `calls by kind and status: ${JSON.stringify(verdict.statusCounts)}`,
  ].join("\n");
}

async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

function sleep(delay: number): Promise<void> {
  return new Promise((done) => setTimeout(done, delay));
}
