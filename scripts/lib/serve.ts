import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ConfigurationError, readEnvironment } from "../../src/config/env";
import { ensureBuild, ensurePrismaClient } from "./build";
import type { PrepareRequest } from "../prepare-database";
import { DEMO_PASSWORD, SUGGESTED_DEMO_ACCOUNTS } from "./demo-accounts";
import { nextServerArguments } from "./next-server";
import { formatElapsed } from "./progress";
import { PROJECT_ROOT } from "./project-root";
import type { TargetDatabase } from "./target-database";

export interface ServeOptions {
  /** `start` serves the production build (building it when needed); `dev` runs the development server. */
  mode: "start" | "dev";
  database: TargetDatabase;
  port: number;
  /** Seed the demo data when the database has no users yet. */
  seedWhenEmpty: boolean;
  authSecret: string;
}

/**
 * Migrates, seeds on first start, builds when needed, then runs `next start` (or `next dev`) as a
 * child process with the database URL and secret it needs. Resolves with the child's exit code,
 * after stopping the embedded database.
 */
export async function serve({ mode, database, port, seedWhenEmpty, authSecret }: ServeOptions): Promise<number> {
  const started = Date.now();
  console.log(`Database: ${database.description}`);
  if (mode === "dev") ensurePrismaClient();
  const { demo } = await prepareDatabase({ url: database.url, poolMax: database.poolMax, seedWhenEmpty });
  if (mode === "start") await ensureBuild();

  const env = readEnvironment();
  const url = env.NEXTAUTH_URL ?? `http://localhost:${port}`;
  const child = spawn(process.execPath, nextServerArguments(mode, port), {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: mode === "start" ? "production" : "development",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: database.url,
      DATABASE_POOL_MAX: String(database.poolMax),
      NEXTAUTH_SECRET: authSecret,
      NEXTAUTH_URL: url,
    },
  });
  void whenListening(port, child).then((listening) => {
    if (listening) console.log(readyBanner(url, demo, Date.now() - started));
  });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on("SIGINT", forward("SIGINT"));
  process.on("SIGTERM", forward("SIGTERM"));
  const code = await new Promise<number>((done) => child.on("exit", (status, signal) => done(status ?? (signal ? 0 : 1))));
  await database.stop();
  return code;
}

/**
 * Migrates (and on a first start seeds) the database in a process of its own (scripts/prepare-database.ts):
 * this process stays beside the server for as long as it runs, and the schema engine and the database
 * client it would otherwise keep cost ~200 MB of memory.
 */
function prepareDatabase(request: PrepareRequest): Promise<{ demo: boolean }> {
  return new Promise((done, failed) => {
    let answer: { demo: boolean } | undefined;
    const child = spawn(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "scripts/prepare-database.ts"), JSON.stringify(request)], {
      cwd: PROJECT_ROOT,
      stdio: ["inherit", "inherit", "inherit", "ipc"],
    });
    child.on("message", (message: { demo: boolean }) => (answer = message));
    child.on("error", failed);
    child.on("exit", (code) => (code === 0 && answer ? done(answer) : failed(new PreparationFailed(code))));
  });
}

/** The preparation printed why it failed; this only stops the start. */
class PreparationFailed extends ConfigurationError {
  constructor(code: number | null) {
    super(`Preparing the database failed (exit code ${code}); see the lines above.`);
  }
}

/**
 * The configured NEXTAUTH_SECRET; for the embedded database only, a generated one kept in the data
 * directory, so that a local `npm start` needs no configuration and sessions survive restarts.
 */
export function resolveAuthSecret(database: TargetDatabase): string {
  const env = readEnvironment();
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (!database.embedded) {
    throw new ConfigurationError(
      "NEXTAUTH_SECRET is not set. With DATABASE_URL (a PostgreSQL server) Portico needs a fixed secret: " +
        "set NEXTAUTH_SECRET to a random string of at least 32 characters, e.g. the output of `openssl rand -base64 32`.",
    );
  }
  const dataDir = resolve(PROJECT_ROOT, env.PORTICO_DATA_DIR);
  const file = join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The last thing `npm start` says: where the portal is and, with the demo data, whom to sign in as. */
export function readyBanner(url: string, demo: boolean, elapsedMs: number): string {
  const lines = ["", `Portico is ready at ${url} (started in ${formatElapsed(elapsedMs)}).`];
  if (demo) {
    lines.push(`Sign in with a demo account, password ${DEMO_PASSWORD}:`);
    for (const account of SUGGESTED_DEMO_ACCOUNTS) lines.push(`  ${account.email} — ${account.who}`);
    lines.push("(Every demo account is listed in README.md.)");
  }
  return lines.join("\n");
}

/**
 * Resolves true once the server answers a page (so its own start-up lines are printed before the
 * banner), false if it exits first.
 */
function whenListening(port: number, child: ChildProcess): Promise<boolean> {
  return new Promise((done) => {
    let exited = false;
    child.once("exit", () => {
      exited = true;
      done(false);
    });
    const attempt = () => {
      if (exited) return;
      fetch(`http://localhost:${port}/signin`, { redirect: "manual" }).then(
        () => done(true),
        () => setTimeout(attempt, 500),
      );
    };
    attempt();
  });
}
