import { afterEach, describe, expect, it, vi } from "vitest";
import { startPollingJob } from "./polling-job";

describe("a polling job", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs batches until one comes back short, waits, survives a failing pass, and stops", async () => {
    vi.useFakeTimers();
    const handled = [3, 3, 1, 0];
    const runs: number[] = [];
    const errors: unknown[] = [];
    let fail = false;
    const job = startPollingJob({
      intervalMs: 1_000,
      batchSize: 3,
      failure: "failed",
      log: { error: (_message: string, error: unknown) => errors.push(error) },
      runBatch: async () => {
        if (fail) throw new Error("database down");
        const count = handled.shift() ?? 0;
        runs.push(count);
        return count;
      },
    });
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    // Full batches, then the short one ends the pass.
    expect(runs).toEqual([3, 3, 1]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toEqual([3, 3, 1, 0]);
    fail = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(errors).toHaveLength(1);
    fail = false;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toHaveLength(5);
    job.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toHaveLength(5);
  });
});
