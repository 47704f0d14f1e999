import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

// Load from wrk (Debian's package `wrk`): a C load generator that keeps `connections` requests in
// flight for a fixed time at a small fraction of the CPU a Node client would take from the app it
// measures. A Lua script sets the method, headers and body, and prints the summary as JSON.

const run = promisify(execFile);

export interface WrkTarget {
  url: string;
  method?: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  /** Paths to spread the requests over, in turn (e.g. a write on many requests, not one); `url`'s own path when absent. */
  paths?: string[];
}

export interface WrkResult {
  requests: number;
  seconds: number;
  /** Answers other than 2xx/3xx, and connection errors and timeouts. */
  errors: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  bytes: number;
}

const SCRIPT = `
local target = require("target")
wrk.method = target.method
wrk.body = target.body
for name, value in pairs(target.headers) do wrk.headers[name] = value end
if target.paths then
  local turn = math.random(#target.paths)
  request = function()
    turn = turn % #target.paths + 1
    return wrk.format(nil, target.paths[turn])
  end
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format('{"requests":%d,"duration":%d,"errors":%d,"bytes":%d,"p50":%d,"p95":%d,"p99":%d}\\n',
    summary.requests, summary.duration, errors, summary.bytes, latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
`;

function luaString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

/** Drives `target` with `connections` connections for `seconds`; wrk must be installed (`apt-get install wrk`). */
export async function runWrk(target: WrkTarget, connections: number, seconds: number): Promise<WrkResult> {
  const directory = mkdtempSync(join(tmpdir(), "portico-wrk-"));
  const headers = Object.entries(target.headers)
    .map(([name, value]) => `[${luaString(name)}] = ${luaString(value)}`)
    .join(", ");
  const paths = target.paths ? `{ ${target.paths.map(luaString).join(", ")} }` : "nil";
  writeFileSync(
    join(directory, "target.lua"),
    `return { method = ${luaString(target.method ?? "GET")}, body = ${target.body === undefined ? "nil" : luaString(target.body)}, headers = { ${headers} }, paths = ${paths} }\n`,
  );
  writeFileSync(join(directory, "run.lua"), SCRIPT);
  const threads = Math.min(2, connections);
  const { stdout } = await run("wrk", [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, "--timeout", "10s", "-s", join(directory, "run.lua"), target.url], {
    cwd: directory,
    env: { ...process.env, LUA_PATH: `${directory}/?.lua;;` },
  });
  const line = stdout.trim().split("\n").at(-1) ?? "";
  const parsed = JSON.parse(line) as { requests: number; duration: number; errors: number; bytes: number; p50: number; p95: number; p99: number };
  const elapsed = parsed.duration / 1e6;
  return {
    requests: parsed.requests,
    seconds: elapsed,
    errors: parsed.errors,
    requestsPerSecond: elapsed > 0 ? (parsed.requests - parsed.errors) / elapsed : 0,
    p50Ms: parsed.p50 / 1000,
    p95Ms: parsed.p95 / 1000,
    p99Ms: parsed.p99 / 1000,
    bytes: parsed.requests > 0 ? parsed.bytes / parsed.requests : 0,
  };
}

/** Whether wrk is on this machine. */
export async function hasWrk(): Promise<boolean> {
  try {
    await run("wrk", ["--version"]);
    return true;
  } catch (error) {
    // wrk --version prints its version and exits 1.
    return (error as { code?: unknown }).code === 1;
  }
}
