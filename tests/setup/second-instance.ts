import { spawn } from "node:child_process";
import { nextServerArguments } from "../../scripts/lib/next-server";
import { PROJECT_ROOT } from "../../scripts/lib/project-root";
import { e2eServerDetails } from "./e2e-database";

// A second instance of the app for a browser test of what crosses instances (live chat, docs/realtime.md):
// the same production build (PORTICO_BUILD_DIR) run by `next start` on another port, against the
// browser tests' database with the same session secret, exactly as a second server behind a load
// balancer would be. It receives no mail (the first instance's SMTP receiver keeps its port) and runs
// no automation, like the first.

export interface SecondInstance {
  baseURL: string;
  stop(): Promise<void>;
}

/** Starts the second instance (by default on E2E_PORT + 2) and resolves once it serves pages. */
export async function startSecondInstance(port = Number(process.env.E2E_PORT ?? 3100) + 2): Promise<SecondInstance> {
  const { url, authSecret, poolMax } = e2eServerDetails();
  if (poolMax < 2) throw new Error("A second instance needs a PostgreSQL server (set TEST_DATABASE_URL): the embedded database serves one instance.");
  const baseURL = `http://localhost:${port}`;
  if (await answers(`${baseURL}/signin`)) throw new Error(`Port ${port} is taken: the second instance needs it.`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: url,
    DATABASE_POOL_MAX: String(poolMax),
    NEXTAUTH_SECRET: authSecret,
    NEXTAUTH_URL: baseURL,
    AUTOMATION_INTERVAL_SECONDS: "0",
  };
  for (const name of ["INBOUND_SMTP_PORT", "IMAP_URL", "SMTP_URL"]) delete env[name];
  const child = spawn(process.execPath, nextServerArguments("start", port), { cwd: PROJECT_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  // Its output is kept for a failure's message only.
  let output = "";
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once("exit", done));
    child.kill("SIGTERM");
    const timeout = new Promise((done) => setTimeout(() => done("timeout"), 15_000));
    if ((await Promise.race([exited, timeout])) === "timeout") child.kill("SIGKILL");
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The second instance stopped (exit ${child.exitCode}):\n${output}`);
    if (await answers(`${baseURL}/signin`)) return { baseURL, stop };
    await new Promise((done) => setTimeout(done, 500));
  }
  await stop();
  throw new Error(`The second instance did not answer within a minute:\n${output}`);
}

async function answers(target: string): Promise<boolean> {
  try {
    const response = await fetch(target, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}
