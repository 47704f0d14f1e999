import { setFlagsFromString } from "node:v8";

// After each full collection V8 lets the old generation grow to up to four times what survived it
// before the next one, so a server whose pages keep ~120 MiB alive held 550–700 MiB under load
// (docs/PERFORMANCE.md, "Memory"). A fixed factor keeps it near what is live, at the cost of more
// frequent collections. V8 reads the factor at each collection, so setting it once the process
// runs applies it from the next one on; 0 restores V8's own choice.

/**
 * The server's young generation, given on its command line (V8 sizes it when the process starts):
 * scripts/lib/next-server.ts and the container's start script pass it. Node.js 20 grows it to this
 * size by itself; Node.js 24 lets it reach 32 MiB a semi-space, and with the growth above its server
 * then held ~460 MiB under load instead of ~380 (docs/PERFORMANCE.md, "Node.js 24 beside Node.js 20").
 */
export const YOUNG_GENERATION_FLAGS = ["--max-semi-space-size=16"] as const;

/** Lets the heap grow to (1 + percent/100) times what the last full collection kept. */
export function limitHeapGrowth(percent: number): void {
  setFlagsFromString(`--heap-growing-percent=${Math.trunc(percent)}`);
}
