// Faults under load (the "scale" issue, deliverable 6): simulated customers use the portal through
// the Requests API while PostgreSQL is restarted under them, on a cluster this script starts for
// itself (never the machine's shared server), over loopback, for a bounded time.
//
//   npx tsx bench/faults.ts [--users 200] [--seconds 300] [--restart-at 150] [--down-ms 2000] [--no-build]
//
// Setup (not measured): a private PostgreSQL cluster in a temporary directory (a free port in
// 55400-55499), prepared as `npm start` prepares its database (migrations, the demo data); the
// production build in PORTICO_BUILD_DIR (default .next-faults; built first when the sources changed,
// which adds two lines to tsconfig.json: remove the folder and restore tsconfig.json afterwards) served
// by `next start` on a free port in 3800-3899; one API token per user (the demo customers in turn,
// so several users share an account) and a request of each user's own.
// Each user then loops: list My Requests (GET /api/v1/requests), read its request, reply to it with a
// unique text and an Idempotency-Key (a failure or a timeout is retried with the same key, up to 6
// attempts over ~8 s), thinking 0.5-1.5 s after each call. At --restart-at PostgreSQL stops (fast
// shutdown), stays down --down-ms, and starts again. Afterwards the replies are looked up in the
// database and the run held to its requirements (bench/lib/faults.ts). Writes
// bench/results/faults.md, exits 1 when a requirement fails, and removes the app, the cluster and its
// directory in every case (Ctrl-C included).

import { spawnSync } from "node:child_process";
import os from "node:os";
import { parseArgs } from "node:util";
import { runScript } from "../scripts/lib/run-script";
import { PROJECT_ROOT } from "../scripts/lib/project-root";
import { judgeFaults, makeUsers, RECOVERY_LIMIT_MS, runFaults, startFaultsApp, summarizeVerdict, type FaultsApp, type FaultsRun, type FaultsVerdict } from "./lib/faults";
import { writeReport } from "./lib/report";
import { ms } from "./lib/stats";

const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: "200" },
    seconds: { type: "string", default: "300" },
    "restart-at": { type: "string", default: "150" },
    "down-ms": { type: "string", default: "2000" },
    pool: { type: "string", default: "10" },
    // Serve PORTICO_BUILD_DIR as it is, without comparing it with the sources (it must hold a finished build).
    "no-build": { type: "boolean", default: false },
  },
});

const USERS = Number(args.users);
const SECONDS = Number(args.seconds);
const RESTART_AT = Number(args["restart-at"]);
const DOWN_MS = Number(args["down-ms"]);
const POOL = Number(args.pool);

runScript(async () => {
  if (!(USERS >= 1 && SECONDS > 0 && RESTART_AT > 0 && RESTART_AT < SECONDS && DOWN_MS >= 0)) {
    throw new Error("--users ≥ 1, --seconds > 0, 0 < --restart-at < --seconds and --down-ms ≥ 0, please.");
  }
  process.env.PORTICO_BUILD_DIR ||= ".next-faults";
  const buildDir = process.env.PORTICO_BUILD_DIR;
  if (!args["no-build"]) buildWhenNeeded();

  let app: FaultsApp | undefined;
  let stopping: Promise<void> | undefined;
  const cleanUp = () => (stopping ??= app?.stop() ?? Promise.resolve());
  // Ctrl-C: the cluster is a daemon of its own and would outlive us.
  const interrupted = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the app and the cluster`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    app = await startFaultsApp({ buildDir, poolMax: POOL, log });
    const users = await makeUsers(app.cluster.url, USERS);
    log(`${USERS} users for ${SECONDS} s, PostgreSQL restarted at ${RESTART_AT} s`);
    const run = await runFaults({ app, users, seconds: SECONDS, restartAtSeconds: RESTART_AT, downMs: DOWN_MS, log });
    const verdict = await judgeFaults(run, app.cluster.url);
    log(summarizeVerdict(verdict));
    writeReport("bench/results/faults.md", renderReport(run, verdict, buildDir));
    if (!verdict.ok) process.exitCode = 1;
  } finally {
    await cleanUp();
  }
});

/** The build's own output goes to stderr: stdout is the report. */
function buildWhenNeeded() {
  const built = spawnSync(process.execPath, ["--import", "tsx", "--eval", 'import("./scripts/lib/build.ts").then((build) => build.ensureBuild())'], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", 2, 2],
  });
  if (built.status !== 0) throw new Error(`Building into ${process.env.PORTICO_BUILD_DIR} failed`);
}

function log(line: string) {
  process.stderr.write(`${line}\n`);
}

function renderReport(run: FaultsRun, verdict: FaultsVerdict, buildDir: string): string {
  const cpus = os.cpus();
  const { counts } = verdict;
  const { restart } = run;
  const at = (instant: number) => `${((instant - run.startedAt) / 1000).toFixed(1)} s`;
  const statuses = Object.entries(verdict.statusCounts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, count]) => `| ${key.split(" ")[0]} | ${key.split(" ")[1]} | ${count} |`);
  return [
    `# Faults under load: PostgreSQL restarted under ${run.users} users`,
    "",
    `Run ${new Date().toISOString()} by \`npx tsx bench/faults.ts${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(" ")}` : ""}\`: **${verdict.ok ? "every requirement met" : "a requirement failed"}**.`,
    "",
    `- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node.js ${process.versions.node}; ` +
      `load average at the end ${os.loadavg().map((load) => load.toFixed(1)).join(" / ")}. The users, the app and PostgreSQL share these cores (and others' work did too).`,
    `- One instance of the production build (${buildDir}, \`next start\`), DATABASE_POOL_MAX=${POOL}, automation every 5 s, on a PostgreSQL 15 cluster of the benchmark's own ` +
      "(initdb in a temporary directory, loopback only), prepared as `npm start` prepares its database: migrations and the demo data.",
    `- ${run.users} simulated users for ${run.seconds} s, each with an API token of its own on one of the demo customers' accounts (taken in turn, so several users share an account) ` +
      "and a request of its own. Each loops: list My Requests (`GET /api/v1/requests`), read its request (`GET /api/v1/requests/{id}`), reply with a unique text " +
      "(`POST /api/v1/requests/{id}/messages` with an Idempotency-Key), thinking 0.5–1.5 s after each call. A call not answered within 10 s is a hang. " +
      "A reply answered 5xx, 409 or 429, or not at all, is sent again with the same key after 0.5, 1, 2, 4, 4 s (6 attempts at most).",
    restart
      ? `- PostgreSQL: \`pg_ctl stop -m fast\` at ${at(restart.stopAt)} (stopped at ${at(restart.downAt)}), ${run.downMs / 1000} s down, \`pg_ctl start -w\` accepting connections at ${at(restart.upAt)}. ` +
        `The restart window, where errors are expected, runs from the stop to ${RECOVERY_LIMIT_MS / 1000} s after the start.`
      : "- PostgreSQL: not restarted (the run ended first).",
    "",
    "| requirement | met | measured |",
    "|---|---|---|",
    ...verdict.requirements.map((requirement) => `| ${requirement.name} | ${requirement.ok ? "yes" : "**no**"} | ${requirement.detail} |`),
    "",
    "| outcome | count |",
    "|---|---:|",
    `| calls | ${counts.calls} |`,
    `| replies attempted (unique texts) | ${counts.replies} |`,
    `| confirmed (201) | ${counts.confirmed} |`,
    `| confirmed and in the database exactly once | ${counts.confirmed - counts.confirmedMissing} |`,
    `| not confirmed (every attempt answered with an error) | ${counts.unconfirmed} |`,
    `| of those, stored anyway (written, answer lost) | ${counts.unconfirmedStored} |`,
    `| replies that needed more than one attempt | ${counts.retried} |`,
    `| answers replayed from the Idempotency-Key | ${counts.replayed} |`,
    `| error answers in the restart window | ${counts.errorsInWindow} |`,
    `| error answers outside it | ${counts.errorsOutside} |`,
    `| hangs (no answer within 10 s) / lost connections | ${counts.hangs} / ${counts.networkErrors} |`,
    `| recovery: database accepting connections → first successful answer | ${verdict.recoveryMs === null ? "never" : `${verdict.recoveryMs} ms`} |`,
    `| calls sent after that and still answered with an error (the last one ended) | ${verdict.errorsAfterUp.count}${verdict.errorsAfterUp.lastMs === null ? "" : ` (+${verdict.errorsAfterUp.lastMs} ms)`} |`,
    `| live updates: a reply after the restart → its event on a page open all along | ${run.live.deliveryMs === null ? "never" : `${run.live.deliveryMs} ms`} (stream reopened ${run.live.reopened}×) |`,
    "",
    "| call | p50 ms | p95 ms | p99 ms | max ms |",
    "|---|---:|---:|---:|---:|",
    ...(["list", "read", "reply"] as const).map((kind) => {
      const latency = verdict.latency[kind];
      return `| ${kind} | ${ms(latency.p50)} | ${ms(latency.p95)} | ${ms(latency.p99)} | ${ms(latency.max)} |`;
    }),
    "",
    "Every answer by call and status:",
    "",
    "| call | status | count |",
    "|---|---|---:|",
    ...statuses,
    "",
    `Wall time ${((run.endedAt - run.startedAt) / 1000).toFixed(0)} s of load.`,
    "",
  ].join("\n");
}
