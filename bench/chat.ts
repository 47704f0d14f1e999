// Live chat under load (issue 13): two app instances (`next start` of one production build) on one
// PostgreSQL database, and at least 200 chat clients holding Server-Sent Events streams over
// loopback. Each chat has its customer on one instance and its agent on the other; both sides post
// messages over HTTP on their own instance, and the benchmark times each message from the moment its
// POST is sent to the moment its frame arrives on the OTHER side's stream — so every message crosses
// instances through PostgreSQL (stored row → NOTIFY → the other instance's hub → its stream).
//
//   npx tsx bench/chat.ts [--clients 200] [--messages 20] [--pause-ms 5000,1000] [--chats-per-agent 10]
//                         [--port 3450] [--pool 10] [--keep-database] [--no-build]
//
// --pause-ms lists the phases' paces: each chat's messages come about that far apart (0.5–1.5 ×),
// one phase after the other over the same open streams — a human pace, then one past saturation.
//
// Setup, not measured: a fresh database (BENCH_CHAT_DATABASE_URL, default portico_bench_chat on the
// local server) with the demo data; customers and agents created in it; each customer's chat started
// and accepted by its agent through the app's own use cases (startChat, acceptChat) — those are
// server actions, not HTTP routes. Then every client signs in through next-auth's credentials flow
// over HTTP like the sign-in form, opens its stream, and the messages flow. Bounded: a few minutes.
// PORTICO_BUILD_DIR (default .next-bench) is built first when the sources changed (not with
// --no-build); like any build into another folder than .next, that adds two lines to tsconfig.json.
// Writes bench/results/chat.md and prints it.

import "./lib/allow-server-only";
import { spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runScript } from "../scripts/lib/run-script";
import { applyMigrations, PROJECT_ROOT } from "../scripts/lib/schema-engine";
import { seedDatabase } from "../scripts/lib/seed";
import { machineBusy, machineCpu, processTreeCpuSeconds, processTreeMemory, signIn, startInstance, stopInstance, type AppInstance, type Cookies } from "./lib/app-process";
import { databaseName, ensureBenchDatabase, withClient } from "./lib/bench-database";
import { openEventStream, type EventStreamClient } from "./lib/event-stream";
import { ms, quantile } from "./lib/stats";

const { values: args } = parseArgs({
  options: {
    clients: { type: "string", default: "200" },
    messages: { type: "string", default: "20" },
    "pause-ms": { type: "string", default: "5000,1000" },
    "chats-per-agent": { type: "string", default: "10" },
    port: { type: "string", default: "3450" },
    pool: { type: "string", default: "10" },
    "keep-database": { type: "boolean", default: false },
    // Serve PORTICO_BUILD_DIR as it is, without comparing it with the sources (it must hold a finished build).
    "no-build": { type: "boolean", default: false },
  },
});

const CLIENTS = Number(args.clients);
const CHATS = Math.ceil(CLIENTS / 2);
const MESSAGES = Number(args.messages);
/** One phase per pause: a human pace first, then a faster one that shows where the machine saturates. */
const PAUSES = args["pause-ms"].split(",").map(Number);
const CHATS_PER_AGENT = Number(args["chats-per-agent"]);
const AGENTS = Math.ceil(CHATS / CHATS_PER_AGENT);
const POOL = Number(args.pool);
/** After the last POST, how long a message may still take to arrive before it counts as lost. */
const DRAIN_MS = 15_000;
const SIGN_IN_CONCURRENCY = 4;

type Side = "customer" | "agent";

interface Chat {
  index: number;
  chatId: string;
  requestId: number;
  customerEmail: string;
  agentEmail: string;
  /** Where each side holds its stream and posts: the customer on one instance, the agent on the other. */
  instanceOf: Record<Side, AppInstance>;
  streams: Partial<Record<Side, EventStreamClient>>;
}

interface Sent {
  side: Side;
  chat: number;
  at: number;
  /** Arrivals on the other side's stream, and on the sender's own (the echo). */
  delivered: number;
  echoed: number;
}

runScript(async () => {
  if (!(CLIENTS >= 2 && MESSAGES >= 1 && CHATS_PER_AGENT >= 1 && PAUSES.every((pause) => pause >= 0))) {
    throw new Error("--clients ≥ 2, --messages ≥ 1, --chats-per-agent ≥ 1 and --pause-ms ≥ 0, please.");
  }
  const started = performance.now();
  const url = process.env.BENCH_CHAT_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/portico_bench_chat";
  process.env.PORTICO_BUILD_DIR ||= ".next-bench";
  const buildDir = process.env.PORTICO_BUILD_DIR;
  log(`Database ${databaseName(url)}: fresh, with the demo data`);
  await ensureBenchDatabase(url, true);
  await applyMigrations(url);
  await seedDatabase(url, 4);
  if (!args["no-build"]) buildWhenNeeded();
  else if (!existsSync(join(PROJECT_ROOT, buildDir, "BUILD_ID"))) throw new Error(`--no-build: ${buildDir} holds no finished build.`);
  const chats = await createChats(url);
  const setupDone = performance.now();

  const authSecret = randomBytes(32).toString("base64url");
  const port = Number(args.port);
  const instances: AppInstance[] = [];
  try {
    for (const offset of [0, 1]) {
      instances.push(await startInstance({ port: port + offset, databaseUrl: url, poolMax: POOL, authSecret, env: { AUTOMATION_INTERVAL_SECONDS: "0" } }));
    }
    const [a, b] = instances as [AppInstance, AppInstance];
    for (const chat of chats) chat.instanceOf = chat.index % 2 === 0 ? { customer: a, agent: b } : { customer: b, agent: a };
    // A first request warms each instance's routes, as a running server's would be.
    const warm = await signIn(a.base, chats[0]!.customerEmail);
    for (const instance of instances) await fetch(`${instance.base}/requests`, { headers: { cookie: warm.header() } }).then((response) => response.body?.cancel());
    const idle = instances.map((instance) => processTreeMemory(instance.process.pid!).rssMiB);

    log(`Signing in ${CHATS} customers and ${AGENTS} agents over HTTP`);
    const emails = [...new Set(chats.flatMap((chat) => [chat.customerEmail, chat.agentEmail]))];
    const cookies = new Map<string, Cookies>();
    await inParallel(emails, SIGN_IN_CONCURRENCY, async (email, i) => void cookies.set(email, await signIn(instances[i % 2]!.base, email)));
    const cookieOf = (chat: Chat, side: Side) => cookies.get(side === "customer" ? chat.customerEmail : chat.agentEmail)!.header();

    // The phase whose messages are in flight; the streams stay open across phases.
    let phase = newPhase(0);
    let outOfOrder = 0;
    let streamsEnded = 0;
    log(`Opening ${CHATS * 2} event streams`);
    const sides: Side[] = ["customer", "agent"];
    await inParallel(chats.flatMap((chat) => sides.map((side) => ({ chat, side }))), 20, async ({ chat, side }) => {
      let lastId = -1n;
      const stream = openEventStream(`${chat.instanceOf[side].base}/api/requests/${chat.requestId}/events`, { cookie: cookieOf(chat, side) }, (frame) => {
        if (frame.id !== null) {
          const id = BigInt(frame.id);
          if (id <= lastId) outOfOrder++;
          lastId = id;
        }
        if (frame.event !== "chat") return;
        const data = JSON.parse(frame.data) as { kind: string; chatId: string; message?: { clientId: string | null } };
        if (data.kind !== "message" || !data.message?.clientId) return;
        const message = phase.sent.get(data.message.clientId);
        if (!message || message.chat !== chat.index || data.chatId !== chat.chatId) {
          phase.foreign++;
          return;
        }
        const elapsed = performance.now() - message.at;
        if (message.side === side) {
          if (++message.echoed > 1) phase.duplicates++;
          else phase.echoLatencies.push(elapsed);
        } else if (++message.delivered > 1) phase.duplicates++;
        else phase.latencies.push(elapsed);
      });
      chat.streams[side] = stream;
      void stream.finished.then((how) => {
        if (how === "ended") streamsEnded++;
      });
      await stream.opened;
    });
    const streamsOpen = performance.now();

    const phases: Phase[] = [];
    for (const pause of PAUSES) {
      phase = newPhase(pause);
      phases.push(phase);
      log(`${CHATS} chats × ${MESSAGES} messages, ~${pause} ms apart`);
      const before = { cpu: instances.map((instance) => processTreeCpuSeconds(instance.process.pid!)), self: process.cpuUsage(), machine: machineCpu(), at: performance.now() };
      const sampler = setInterval(() => {
        instances.forEach((instance, i) => (phase.peakMiB[i] = Math.max(phase.peakMiB[i] ?? 0, processTreeMemory(instance.process.pid!).rssMiB)));
      }, 500);
      await Promise.all(
        chats.map(async (chat) => {
          for (let n = 0; n < MESSAGES; n++) {
            await sleep(pause * (0.5 + Math.random()));
            // Customer and agent take turns, the customer first.
            const side: Side = n % 2 === 0 ? "customer" : "agent";
            const clientId = randomUUID();
            const at = performance.now();
            phase.sent.set(clientId, { side, chat: chat.index, at, delivered: 0, echoed: 0 });
            const response = await fetch(`${chat.instanceOf[side].base}/api/chats/${chat.chatId}/messages`, {
              method: "POST",
              headers: { "content-type": "application/json", cookie: cookieOf(chat, side) },
              body: JSON.stringify({ body: `Message ${n + 1} of chat ${chat.index + 1} from the ${side}`, clientId }),
            });
            await response.body?.cancel();
            phase.postLatencies.push(performance.now() - at);
            if (response.status !== 201) {
              phase.failedPosts.set(response.status, (phase.failedPosts.get(response.status) ?? 0) + 1);
              phase.sent.delete(clientId);
            }
          }
        }),
      );
      phase.postingSeconds = (performance.now() - before.at) / 1000;
      const deadline = Date.now() + DRAIN_MS;
      while (Date.now() < deadline && [...phase.sent.values()].some((message) => message.delivered === 0 || message.echoed === 0)) await sleep(100);
      clearInterval(sampler);
      phase.seconds = (performance.now() - before.at) / 1000;
      phase.endMiB = instances.map((instance) => processTreeMemory(instance.process.pid!).rssMiB);
      phase.cpuSeconds = instances.map((instance, i) => processTreeCpuSeconds(instance.process.pid!) - before.cpu[i]!);
      const self = process.cpuUsage(before.self);
      phase.benchCpuSeconds = (self.user + self.system) / 1e6;
      phase.machineBusy = machineBusy(before.machine, machineCpu());
      if (phase.failedPosts.size) log(`Failed POSTs (HTTP status: count): ${JSON.stringify(Object.fromEntries(phase.failedPosts))}`);
    }
    const hwm = instances.map((instance) => processTreeMemory(instance.process.pid!).hwmMiB);
    for (const chat of chats) for (const side of sides) chat.streams[side]?.close();

    const report = renderReport({
      buildDir,
      database: databaseName(url),
      phases,
      outOfOrder,
      streamsEnded,
      memory: { idle, hwm },
      seconds: { setup: (setupDone - started) / 1000, streams: (streamsOpen - setupDone) / 1000, total: (performance.now() - started) / 1000 },
    });
    const out = join(PROJECT_ROOT, "bench/results/chat.md");
    mkdirSync(join(PROJECT_ROOT, "bench/results"), { recursive: true });
    writeFileSync(out, report);
    console.log(report);
    log(`Written to ${out}`);
    if (phases.some((done) => lostOf(done) > 0 || done.duplicates > 0) || outOfOrder > 0) process.exitCode = 1;
  } finally {
    for (const instance of instances) await stopInstance(instance);
    if (!args["keep-database"]) {
      await withClient(new URL("/postgres", url).toString(), (admin) => admin.query(`DROP DATABASE IF EXISTS "${databaseName(url)}" WITH (FORCE)`));
    }
  }
});

/** One pace of messages over the same open streams. */
interface Phase {
  pauseMs: number;
  sent: Map<string, Sent>;
  latencies: number[];
  echoLatencies: number[];
  postLatencies: number[];
  /** HTTP status → count, for POSTs not answered 201. */
  failedPosts: Map<number, number>;
  duplicates: number;
  foreign: number;
  seconds: number;
  postingSeconds: number;
  peakMiB: number[];
  endMiB: number[];
  cpuSeconds: number[];
  benchCpuSeconds: number;
  machineBusy: number;
}

function newPhase(pauseMs: number): Phase {
  return {
    pauseMs,
    sent: new Map(),
    latencies: [],
    echoLatencies: [],
    postLatencies: [],
    failedPosts: new Map(),
    duplicates: 0,
    foreign: 0,
    seconds: 0,
    postingSeconds: 0,
    peakMiB: [],
    endMiB: [],
    cpuSeconds: [],
    benchCpuSeconds: 0,
    machineBusy: 0,
  };
}

const lostOf = (phase: Phase) => [...phase.sent.values()].filter((message) => message.delivered === 0).length;

/** Customers and agents of their own, each customer's chat started and accepted by its agent (the app's use cases, as its server actions call them). */
async function createChats(url: string): Promise<Chat[]> {
  const { createDatabase } = await import("../src/server/db/client");
  const { loadViewer } = await import("../src/server/people/viewer");
  const { startChat } = await import("../src/server/chat/start-chat");
  const { acceptChat } = await import("../src/server/chat/chat-actions");
  const db = createDatabase({ url, poolMax: 4 });
  try {
    const now = new Date();
    // The demo accounts' password hash: every benchmark account signs in with the demo password.
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { email: "agent@portico.test" }, select: { passwordHash: true } });
    const pad = (n: number) => String(n + 1).padStart(3, "0");
    const agents = Array.from({ length: AGENTS }, (_, i) => ({ email: `bench-agent-${pad(i)}@portico.test`, name: `Bench Agent ${pad(i)}` }));
    const customers = Array.from({ length: CHATS }, (_, i) => ({ email: `bench-customer-${pad(i)}@acme.test`, name: `Bench Customer ${pad(i)}` }));
    // Available: the console's switch and its beat, as the agents' consoles would have said just now.
    await db.user.createMany({ data: agents.map((agent) => ({ ...agent, passwordHash, isAgent: true, chatAvailable: true, chatSeenAt: now })) });
    await db.user.createMany({ data: customers.map((customer) => ({ ...customer, passwordHash })) });
    const ids = new Map((await db.user.findMany({ where: { email: { startsWith: "bench-" } }, select: { id: true, email: true } })).map((user) => [user.email, user.id]));
    await db.membership.createMany({ data: customers.map((customer) => ({ userId: ids.get(customer.email)!, organizationId: "seed-org-acme" })) });

    const chats: Chat[] = [];
    for (const [index, customer] of customers.entries()) {
      const agent = agents[Math.floor(index / CHATS_PER_AGENT)]!;
      const customerViewer = (await loadViewer(db, ids.get(customer.email)!, { now: new Date(), channel: "web" }))!;
      const started = await startChat(db, customerViewer, { message: `Benchmark chat ${index + 1}: the dashboard export fails`, submissionKey: randomUUID() });
      if (!started.ok || started.mode !== "chat") throw new Error(`Starting chat ${index + 1}: ${JSON.stringify(started)}`);
      const agentViewer = (await loadViewer(db, ids.get(agent.email)!, { now: new Date(), channel: "web" }))!;
      const accepted = await acceptChat(db, agentViewer, { chatId: started.chatId });
      if (!accepted.ok) throw new Error(`Accepting chat ${index + 1}: ${JSON.stringify(accepted)}`);
      chats.push({ index, chatId: started.chatId, requestId: started.requestId, customerEmail: customer.email, agentEmail: agent.email, instanceOf: {} as Chat["instanceOf"], streams: {} });
    }
    return chats;
  } finally {
    await db.$disconnect();
  }
}

/** The build's own output goes to stderr: stdout is the report. */
function buildWhenNeeded() {
  const built = spawnSync(process.execPath, ["--import", "tsx", "--eval", 'import("./scripts/lib/build.ts").then((build) => build.ensureBuild())'], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", 2, 2],
  });
  if (built.status !== 0) throw new Error(`Building into ${process.env.PORTICO_BUILD_DIR} failed`);
}

async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}

function sleep(delay: number): Promise<void> {
  return new Promise((done) => setTimeout(done, delay));
}

function log(line: string) {
  process.stderr.write(`${line}\n`);
}

interface Results {
  buildDir: string;
  database: string;
  phases: Phase[];
  outOfOrder: number;
  streamsEnded: number;
  memory: { idle: number[]; hwm: number[] };
  seconds: { setup: number; streams: number; total: number };
}

function renderReport(results: Results): string {
  const cpus = os.cpus();
  const { phases, memory, seconds } = results;
  const mib = (values: number[]) => values.map((value) => value.toFixed(0)).join(" / ");
  const pace = (phase: Phase) => `${phase.pauseMs / 1000} s pace`;
  const latencyRows = phases.flatMap((phase) =>
    (
      [
        ["delivery to the other instance", phase.latencies],
        ["echo on the sender's instance", phase.echoLatencies],
        ["POST answered", phase.postLatencies],
      ] as const
    ).map(
      ([label, samples]) =>
        `| ${pace(phase)} | ${label} | ${samples.length} | ${ms(quantile(samples, 0.5))} | ${ms(quantile(samples, 0.95))} | ${ms(quantile(samples, 0.99))} | ${ms(quantile(samples, 1))} |`,
    ),
  );
  const failed = (phase: Phase) =>
    phase.failedPosts.size ? [...phase.failedPosts].map(([status, count]) => `${count} (HTTP ${status})`).join(", ") : "0";
  return [
    "# Live chat: message delivery across two instances",
    "",
    `Run ${new Date().toISOString()} by \`npx tsx bench/chat.ts${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(" ")}` : ""}\`.`,
    "",
    `- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node.js ${process.versions.node}; ` +
      `load average at the end ${os.loadavg().map((load) => load.toFixed(1)).join(" / ")}. The benchmark's clients, both app instances and PostgreSQL share these cores.`,
    `- Two instances of one production build (${results.buildDir}, \`next start\`) on ports ${args.port} and ${Number(args.port) + 1}, one PostgreSQL database (${results.database}: the demo data plus the benchmark's accounts), ` +
      `DATABASE_POOL_MAX=${POOL} each, so each instance's hub LISTENs; automation off (AUTOMATION_INTERVAL_SECONDS=0).`,
    `- ${CLIENTS} chat clients: ${CHATS} customers and the agent side of their ${CHATS} chats (${AGENTS} agents holding up to ${CHATS_PER_AGENT} chats each), each client with its own stream ` +
      "(`GET /api/requests/{id}/events`), all open for the whole run. The customer of an even-numbered chat is on instance A and its agent on B, and the other way round for odd ones.",
    "- Setup (not measured): accounts created in the database; each chat started by its customer and accepted by its agent through the app's use cases (`startChat`, `acceptChat`: server actions, no HTTP route); " +
      `then every account signed in through next-auth's credentials flow over HTTP (\`/api/auth/csrf\`, then \`/api/auth/callback/credentials\`), ${SIGN_IN_CONCURRENCY} at a time, with the demo password (the sign-in throttle unchanged).`,
    `- Per phase, each chat: ${MESSAGES} messages, customer and agent taking turns, each after a random pause of 0.5–1.5 × the pace following the previous POST's answer; ` +
      "each side posts (`POST /api/chats/{id}/messages`) on its own instance, so every message crosses instances. The phases run one after the other over the same streams.",
    "- **Delivery latency**: from sending the POST to the message's frame arriving on the other side's stream (other instance: stored row → NOTIFY → that instance's hub → stream read). " +
      "Echo: the same message arriving on the sender's own stream (same instance). POST: until its answer.",
    `- Lost: a message answered 201 that never arrived on the other side's stream within ${DRAIN_MS / 1000} s after the phase's last POST; duplicated: arrived more than once on one stream.`,
    "",
    "| phase | latency | messages | p50 ms | p95 ms | p99 ms | max ms |",
    "|---|---|---:|---:|---:|---:|---:|",
    ...latencyRows,
    "",
    `| outcome | ${phases.map(pace).join(" | ")} |`,
    `|---|${phases.map(() => "---:").join("|")}|`,
    `| messages offered per second (${CHATS} chats ÷ pace) | ${phases.map((phase) => (phase.pauseMs > 0 ? (CHATS / (phase.pauseMs / 1000)).toFixed(0) : "∞")).join(" | ")} |`,
    `| messages sent (201) per second, achieved | ${phases.map((phase) => (phase.sent.size / phase.postingSeconds).toFixed(1)).join(" | ")} |`,
    `| messages sent (201) | ${phases.map((phase) => phase.sent.size).join(" | ")} |`,
    `| POSTs refused or failed | ${phases.map(failed).join(" | ")} |`,
    `| **lost** (never reached the other side) | ${phases.map(lostOf).join(" | ")} |`,
    `| echo missing on the sender's stream | ${phases.map((phase) => [...phase.sent.values()].filter((message) => message.echoed === 0).length).join(" | ")} |`,
    `| **duplicated** | ${phases.map((phase) => phase.duplicates).join(" | ")} |`,
    `| messages of another chat on a stream | ${phases.map((phase) => phase.foreign).join(" | ")} |`,
    `| phase wall time, s (posting + the last deliveries) | ${phases.map((phase) => phase.seconds.toFixed(0)).join(" | ")} |`,
    `| CPU seconds used by instance A / B | ${phases.map((phase) => mib(phase.cpuSeconds)).join(" | ")} |`,
    `| CPU seconds used by the benchmark's clients | ${phases.map((phase) => phase.benchCpuSeconds.toFixed(0)).join(" | ")} |`,
    `| machine busy (all ${cpus.length} cores, PostgreSQL and anything else included) | ${phases.map((phase) => `${(phase.machineBusy * 100).toFixed(0)} %`).join(" | ")} |`,
    `| RSS peak (sampled every 0.5 s), MiB, A / B | ${phases.map((phase) => mib(phase.peakMiB)).join(" | ")} |`,
    `| RSS at the phase's end (${CLIENTS} streams open), MiB, A / B | ${phases.map((phase) => mib(phase.endMiB)).join(" | ")} |`,
    "",
    `Over the whole run: frames out of order on a stream (event id not increasing) ${results.outOfOrder}; streams the server ended early ${results.streamsEnded}. ` +
      `Memory (RSS of each \`next start\` process tree) started and warmed, before the clients: ${mib(memory.idle)} MiB (A / B); high-water mark at the end (VmHWM): ${mib(memory.hwm)} MiB.`,
    "",
    `Wall time ${seconds.total.toFixed(0)} s: setup ${seconds.setup.toFixed(0)} s (database, demo data, build check, ${CHATS} chats), ` +
      `starting both instances, signing in and opening ${CHATS * 2} streams ${seconds.streams.toFixed(0)} s, then the phases.`,
    "",
  ].join("\n");
}
