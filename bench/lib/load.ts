import { readdirSync, readFileSync } from "node:fs";
import { quantile } from "./stats";

// Throughput under concurrent load: `concurrency` workers each send one request after another for a
// fixed time, as a client with that many connections would; every answer is read to its last byte.

export interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
}

export interface LoadSample {
  /** Answers received (any status) and the wall time they took, for req/s. */
  answers: number;
  ok: number;
  /** Answers other than 200, by status ("error" for a failed fetch). */
  failures: Record<string, number>;
  elapsedMs: number;
  latenciesMs: number[];
  bytes: number;
}

/** Sends GETs of `target` from `concurrency` workers for `durationMs`. */
export async function runLoad(target: Target, concurrency: number, durationMs: number): Promise<LoadSample> {
  const sample: LoadSample = { answers: 0, ok: 0, failures: {}, elapsedMs: 0, latenciesMs: [], bytes: 0 };
  const started = performance.now();
  const deadline = started + durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      const begin = performance.now();
      let status: string;
      try {
        const response = await fetch(target.url, { headers: target.headers, redirect: "manual" });
        const body = await response.arrayBuffer();
        status = String(response.status);
        if (response.status === 200) sample.bytes = body.byteLength;
      } catch {
        status = "error";
      }
      sample.latenciesMs.push(performance.now() - begin);
      sample.answers++;
      if (status === "200") sample.ok++;
      else sample.failures[status] = (sample.failures[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  sample.elapsedMs = performance.now() - started;
  return sample;
}

/** Several samples of one target (the rounds of an interleaved run) as one. */
export function combine(samples: readonly LoadSample[]): LoadSample {
  const failures: Record<string, number> = {};
  for (const sample of samples) for (const [status, count] of Object.entries(sample.failures)) failures[status] = (failures[status] ?? 0) + count;
  return {
    answers: samples.reduce((sum, sample) => sum + sample.answers, 0),
    ok: samples.reduce((sum, sample) => sum + sample.ok, 0),
    failures,
    elapsedMs: samples.reduce((sum, sample) => sum + sample.elapsedMs, 0),
    latenciesMs: samples.flatMap((sample) => sample.latenciesMs),
    bytes: samples.find((sample) => sample.bytes > 0)?.bytes ?? 0,
  };
}

export interface Throughput {
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  answers: number;
  ok: number;
  failures: Record<string, number>;
  seconds: number;
  bytes: number;
}

/** Successful answers per second, and the latency quantiles of all answers. */
export function throughputOf(sample: LoadSample): Throughput {
  return {
    requestsPerSecond: sample.elapsedMs > 0 ? (sample.ok * 1000) / sample.elapsedMs : 0,
    p50Ms: quantile(sample.latenciesMs, 0.5),
    p95Ms: quantile(sample.latenciesMs, 0.95),
    p99Ms: quantile(sample.latenciesMs, 0.99),
    answers: sample.answers,
    ok: sample.ok,
    failures: sample.failures,
    seconds: sample.elapsedMs / 1000,
    bytes: sample.bytes,
  };
}

/** CPU time (user + system, seconds) used so far by every running process named `name` (e.g. the PostgreSQL server's) and its ended children. */
export function cpuSecondsOfProcessesNamed(name: string): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) !== name) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime and stime, and cutime and cstime: what its ended children used (PostgreSQL's ended backends, for its main process).
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // Gone.
    }
  }
  // Linux counts in USER_HZ, 100 per second.
  return ticks / 100;
}
