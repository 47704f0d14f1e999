// Builds the container image (Dockerfile) and proves it serves: migrates a database with the image's
// own `npm run db:migrate`, starts the server on it and fetches /signin. Run by the opt-in test
// tests/integration/container-image.test.ts (PORTICO_IMAGE_CHECK=1; .ci/run sets it), or by hand:
//
//   DATABASE_URL=postgresql://… npx tsx scripts/check-image.ts
//
// CONTAINER_ENGINE picks docker or podman (default: the first whose daemon or runtime answers);
// CONTAINER_BUILD_FLAGS and CONTAINER_RUN_FLAGS add flags a host needs (docs/deploy.md "Container
// image"); NODE_IMAGE replaces the base image, e.g. with a local copy when the registry is out of reach.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { PROJECT_ROOT } from "./lib/project-root";

export interface ImageCheckOptions {
  /** A migrated-or-empty PostgreSQL database the container reaches on the host's network. */
  databaseUrl: string;
  /** Host port the container serves on (the container shares the host's network). */
  port: number;
  log?: (line: string) => void;
}

export interface ImageCheckResult {
  engine: string;
  buildSeconds: number;
  startSeconds: number;
  status: number;
}

/** The engine that can run containers here, or why none can. */
export function findEngine(): { engine: string } | { reason: string } {
  // Read here, not through src/config/env.ts: these settings belong to this check alone.
  const asked = process.env.CONTAINER_ENGINE;
  const reasons: string[] = [];
  for (const engine of asked ? [asked] : ["docker", "podman"]) {
    const probe = spawnSync(engine, ["info"], { encoding: "utf8", timeout: 30_000 });
    if (probe.error) reasons.push(`${engine}: ${probe.error.message}`);
    else if (probe.status !== 0) reasons.push(`${engine} info: ${(probe.stderr || probe.stdout).trim().split("\n").slice(-1)[0]}`);
    else return { engine };
  }
  return { reason: reasons.join("; ") };
}

function flags(name: "CONTAINER_BUILD_FLAGS" | "CONTAINER_RUN_FLAGS"): string[] {
  return (process.env[name] ?? "").split(/\s+/).filter(Boolean);
}

function run(engine: string, args: string[], log: (line: string) => void, timeoutMs: number): Promise<void> {
  return new Promise((done, failed) => {
    log(`$ ${engine} ${args.join(" ").replace(/postgres(ql)?:\/\/\S+/g, "postgresql://…").replace(/NEXTAUTH_SECRET=\S+/g, "NEXTAUTH_SECRET=…")}`);
    const child = spawn(engine, args, { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let tail = "";
    const keep = (chunk: Buffer) => void (tail = (tail + chunk.toString()).slice(-4000));
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", failed);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) done();
      else failed(new Error(`${engine} ${args[0]} failed (${code ?? signal}):\n${tail}`));
    });
  });
}

export async function checkImage({ databaseUrl, port, log = console.log }: ImageCheckOptions): Promise<ImageCheckResult> {
  const found = findEngine();
  if ("reason" in found) throw new Error(`No container engine runs here: ${found.reason}`);
  const { engine } = found;
  const tag = `localhost/portico-check:${randomBytes(4).toString("hex")}`;
  const name = `portico-check-${randomBytes(4).toString("hex")}`;
  const base = process.env.NODE_IMAGE;
  const secret = randomBytes(32).toString("base64url");
  const env = ["-e", `DATABASE_URL=${databaseUrl}`, "-e", `NEXTAUTH_SECRET=${secret}`, "-e", `PORT=${port}`, "-e", `NEXTAUTH_URL=http://127.0.0.1:${port}`];
  // The host's network: the database is on the host's loopback in tests.
  const runFlags = ["--network", "host", ...flags("CONTAINER_RUN_FLAGS")];

  const built = Date.now();
  await run(engine, ["build", ...flags("CONTAINER_BUILD_FLAGS"), ...(base ? ["--build-arg", `NODE_IMAGE=${base}`] : []), "-t", tag, "."], log, 30 * 60_000);
  const buildSeconds = Math.round((Date.now() - built) / 1000);
  try {
    // Without DATABASE_URL the image must refuse to start, and say why.
    const refused = spawnSync(engine, ["run", "--rm", ...runFlags, tag], { encoding: "utf8", timeout: 60_000 });
    if (refused.status === 0 || !/DATABASE_URL/.test(refused.stderr)) throw new Error(`The image started without DATABASE_URL:\n${refused.stdout}${refused.stderr}`);

    await run(engine, ["run", "--rm", ...runFlags, ...env, tag, "npm", "run", "db:migrate"], log, 5 * 60_000);
    const started = Date.now();
    await run(engine, ["run", "-d", "--name", name, ...runFlags, ...env, tag], log, 60_000);
    try {
      const deadline = Date.now() + 90_000;
      for (;;) {
        try {
          const response = await fetch(`http://127.0.0.1:${port}/signin`, { signal: AbortSignal.timeout(5000) });
          const body = await response.text();
          if (response.status === 200 && body.includes("Sign in")) {
            return { engine, buildSeconds, startSeconds: Math.round((Date.now() - started) / 1000), status: response.status };
          }
          throw new Error(`/signin answered ${response.status}`);
        } catch (error) {
          if (Date.now() > deadline) {
            const logs = spawnSync(engine, ["logs", name], { encoding: "utf8" });
            throw new Error(`The container did not serve /signin within 90 s (${String(error)}):\n${logs.stdout}${logs.stderr}`);
          }
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
    } finally {
      spawnSync(engine, ["rm", "-f", name], { timeout: 60_000 });
    }
  } finally {
    spawnSync(engine, ["rmi", "-f", tag], { timeout: 120_000 });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("Set DATABASE_URL to a PostgreSQL database the container may migrate and serve.");
    process.exit(2);
  }
  const port = Number(process.env.PORT ?? 3000);
  checkImage({ databaseUrl, port }).then(
    (result) => console.log(`The image serves /signin (${result.engine}; build ${result.buildSeconds} s, start ${result.startSeconds} s).`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
