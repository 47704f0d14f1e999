import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { YOUNG_GENERATION_FLAGS } from "./heap-growth";

// In a process of its own (the flag is process-wide) started as the server is: ~100 MiB kept alive,
// replaced a little at a time, with short-lived garbage between, as a server's pages make it; the
// largest heap V8 held.
const workload = (percent: number | null) => `
  ${percent === null ? "" : `const { limitHeapGrowth } = await import("./src/server/runtime/heap-growth.ts"); limitHeapGrowth(${percent});`}
  const { getHeapStatistics } = await import("node:v8");
  const live = Array.from({ length: 50 }, () => Array.from({ length: 40_000 }, (_, j) => ({ j })));
  let largest = 0;
  for (let round = 0; round < 150; round++) {
    const garbage = Array.from({ length: 20_000 }, (_, i) => ({ i, text: "x" + i }));
    live[round % live.length] = Array.from({ length: 40_000 }, (_, j) => ({ j, garbage: garbage.length }));
    largest = Math.max(largest, getHeapStatistics().total_heap_size);
  }
  console.log(largest);
`;

function largestHeapMiB(percent: number | null): number {
  const run = spawnSync(process.execPath, [...YOUNG_GENERATION_FLAGS, "--import", "tsx", "--input-type=module", "-e", workload(percent)], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return Number(run.stdout.trim()) / 2 ** 20;
}

describe("limitHeapGrowth", () => {
  it("keeps the heap near what is alive, where V8 alone lets it grow to several times that", () => {
    const unlimited = largestHeapMiB(null);
    const limited = largestHeapMiB(25);
    expect(limited).toBeLessThan(unlimited * 0.75);
    expect(limited).toBeLessThan(240);
  }, 60_000);

  it("starts the container's server with the young generation npm start gives it", () => {
    const command = readFileSync("deploy/container-start.sh", "utf8").split("\n").find((line) => line.startsWith("exec node "));
    expect(command).toContain(`exec node ${YOUNG_GENERATION_FLAGS.join(" ")} node_modules/next/dist/bin/next start`);
  });
});
