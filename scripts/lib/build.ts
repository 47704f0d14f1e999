import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { step } from "./progress";
import { PROJECT_ROOT } from "./project-root";

// `npm start` builds only when the sources changed since the last build: a fingerprint of every
// input of `next build` is kept beside the build output.

const INPUTS = ["src", "public", "prisma/schema.prisma", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const SKIP = new Set(["node_modules", "generated"]);
// PORTICO_BUILD_DIR is read by next.config.ts too.
const BUILD_DIR = join(PROJECT_ROOT, process.env.PORTICO_BUILD_DIR ?? ".next");
const STAMP = join(BUILD_DIR, "portico-build-fingerprint");

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIP.has(entry.name)) continue;
    yield* files(join(path, entry.name));
  }
}

export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of files(join(PROJECT_ROOT, input))) {
      const path = relative(PROJECT_ROOT, file);
      hash.update(path).update("\0").update(path === "tsconfig.json" ? asBuilt(readFileSync(file, "utf8")) : readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

/**
 * tsconfig.json without the type paths of build folders: `next build` into another folder than .next
 * adds that folder's to `include` as it builds, which changes nothing built. Counted, they would make
 * the next start build again (and a second instance started on the same build rebuild it under the first).
 */
function asBuilt(tsconfig: string): string {
  try {
    const config = JSON.parse(tsconfig) as { include?: unknown };
    if (Array.isArray(config.include)) config.include = config.include.filter((path) => !(typeof path === "string" && /^\.next[^/]*\/(dev\/)?types\//.test(path)));
    return JSON.stringify(config);
  } catch {
    return tsconfig;
  }
}

export function isBuildCurrent(): boolean {
  return existsSync(join(BUILD_DIR, "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === sourceFingerprint();
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${[command, ...args].join(" ")} failed (exit ${result.status ?? result.signal})`);
}

/** Generates the Prisma client when it is missing (e.g. install scripts were skipped). */
export function ensurePrismaClient(): void {
  if (existsSync(join(PROJECT_ROOT, "src/generated/prisma/client.ts"))) return;
  run(process.execPath, [join(PROJECT_ROOT, "scripts/prisma-generate.mjs")]);
}

/** Builds the app when its sources changed since the last build, saying so and how long it takes. */
export async function ensureBuild(): Promise<void> {
  ensurePrismaClient();
  if (isBuildCurrent()) return;
  const label = existsSync(join(BUILD_DIR, "BUILD_ID"))
    ? "The sources changed: building the portal again (about a minute)"
    : "Building the portal (first start only, about a minute)";
  const fingerprint = sourceFingerprint();
  // The build must not see a runtime database or secret: pages read them per request.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  delete env.NEXTAUTH_SECRET;
  // Run without blocking, so the progress reminders keep coming while it builds.
  await step(label, () => runAsync(process.execPath, [join(PROJECT_ROOT, "node_modules/next/dist/bin/next"), "build"], env));
  writeFileSync(STAMP, fingerprint);
}

function runAsync(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, stdio: "inherit", env });
    child.on("error", fail);
    child.on("exit", (status, signal) =>
      status === 0 ? done() : fail(new Error(`${[command, ...args].join(" ")} failed (exit ${status ?? signal})`)),
    );
  });
}
