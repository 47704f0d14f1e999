/** The q-quantile (0…1) of the samples, nearest-rank; NaN without samples. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] as number;
}

export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export function summarize(samples: readonly number[]): Timing {
  return { runs: samples.length, medianMs: quantile(samples, 0.5), p95Ms: quantile(samples, 0.95), maxMs: quantile(samples, 1) };
}

/**
 * Runs `work` sequentially `runs` times (after `warmup` untimed runs), stopping early once
 * `budgetMs` is spent so that a slow case cannot hold the machine for long; at least 5 runs.
 */
export async function time(work: () => Promise<unknown>, { runs, warmup = 3, budgetMs = 20_000 }: { runs: number; warmup?: number; budgetMs?: number }): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < runs && (samples.length < 5 || performance.now() - started < budgetMs)) {
    const begin = performance.now();
    await work();
    samples.push(performance.now() - begin);
  }
  return summarize(samples);
}

export const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
