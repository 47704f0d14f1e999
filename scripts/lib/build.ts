import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { spawnSync } from "node:child_process";
import { PROJECT_ROOT } from "./schema-engine";

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
      hash.update(relative(PROJECT_ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex");
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

export function ensureBuild(): void {
  ensurePrismaClient();
  if (isBuildCurrent()) return;
  console.log("Building Portico (first start or changed sources)…");
  const fingerprint = sourceFingerprint();
  // The build must not see a runtime database or secret: pages read them per request.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  delete env.NEXTAUTH_SECRET;
  run(process.execPath, [join(PROJECT_ROOT, "node_modules/next/dist/bin/next"), "build"], env);
  writeFileSync(STAMP, fingerprint);
}
