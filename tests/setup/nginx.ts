import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

// nginx in front of app instances for a browser test (tests/e2e/two-instances-proxy.spec.ts), run from
// the committed deploy/nginx.conf with only its marked lines changed: the instances' ports, the
// listening port on loopback, and the pid file, logs and temporary files in a directory of its own,
// so it needs no privileges and leaves nothing behind.

export const NGINX_BINARY = process.env.NGINX_BINARY ?? "/usr/sbin/nginx";

export interface Proxy {
  baseURL: string;
  /** nginx's master process (its workers are its children). */
  pid: number;
  /** What nginx logged (its error log): for a failure's message. */
  log(): string;
  stop(): Promise<void>;
}

/** deploy/nginx.conf with the test's ports and paths; each change must find its line, so an edit of the file that moves one fails here. */
export function renderNginxConfig(options: { port: number; upstreams: [number, number]; directory: string }): string {
  const { port, upstreams, directory } = options;
  let config = readFileSync(join(PROJECT_ROOT, "deploy/nginx.conf"), "utf8");
  const replace = (pattern: RegExp, replacement: string) => {
    const matches = config.match(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g"));
    if (matches?.length !== 1) throw new Error(`deploy/nginx.conf: expected one line matching ${pattern}, found ${matches?.length ?? 0}.`);
    config = config.replace(pattern, replacement);
  };
  replace(/^pid \S+;/m, `pid ${directory}/nginx.pid;`);
  replace(/^error_log \S+ /m, `error_log ${directory}/error.log `);
  replace(/access_log \S+ portico;/, `access_log ${directory}/access.log portico;`);
  replace(/server 127\.0\.0\.1:3000 /, `server 127.0.0.1:${upstreams[0]} `);
  replace(/server 127\.0\.0\.1:3001 /, `server 127.0.0.1:${upstreams[1]} `);
  replace(/listen 80;/, `listen 127.0.0.1:${port};`);
  // Debian's nginx keeps request bodies and large responses under /var/lib/nginx: here, in the test's own directory.
  const temporary = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `    ${kind}_temp_path ${directory}/${kind};`).join("\n");
  replace(/^http \{\n/m, `http {\n${temporary}\n`);
  return config;
}

/** Starts nginx on 127.0.0.1:`port` in front of the instances on `upstreams`; resolves once it passes a page on. */
export async function startNginx(options: { port: number; upstreams: [number, number] }): Promise<Proxy> {
  if (!existsSync(NGINX_BINARY)) {
    throw new Error(`nginx is not installed (${NGINX_BINARY}): this test runs the app behind it. Install it with \`apt-get install nginx\` (.ci/run does), or set NGINX_BINARY.`);
  }
  const directory = mkdtempSync(join(tmpdir(), "portico-nginx-"));
  for (const kind of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(join(directory, kind));
  const configFile = join(directory, "nginx.conf");
  writeFileSync(configFile, renderNginxConfig({ ...options, directory }));
  // Run as root, nginx would hand its workers to "nobody", who may not write this directory; any other user keeps its own.
  const globals = process.getuid?.() === 0 ? "daemon off; user root;" : "daemon off;";
  const child = spawn(NGINX_BINARY, ["-p", `${directory}/`, "-e", `${directory}/error.log`, "-c", configFile, "-g", globals], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const log = () => {
    const file = join(directory, "error.log");
    return `${output}${existsSync(file) ? readFileSync(file, "utf8").slice(-4000) : ""}`;
  };

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once("exit", done));
      // TERM: a fast stop; a graceful one would wait for the open event streams.
      child.kill("SIGTERM");
      const timeout = new Promise((done) => setTimeout(() => done("timeout"), 10_000));
      if ((await Promise.race([exited, timeout])) === "timeout") child.kill("SIGKILL");
    }
    rmSync(directory, { recursive: true, force: true });
  };
  const baseURL = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const why = log();
      await stop();
      throw new Error(`nginx stopped (exit ${child.exitCode}):\n${why}`);
    }
    try {
      const response = await fetch(`${baseURL}/signin`, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (response.ok) return { baseURL, pid: child.pid!, log, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  const why = log();
  await stop();
  throw new Error(`nginx did not pass a page on within 15 seconds:\n${why}`);
}
