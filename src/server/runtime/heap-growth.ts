import { setFlagsFromString } from "node:v8";

// After each full collection V8 lets the old generation grow to up to four times what survived it
// before the next one, so a server whose pages keep ~120 MiB alive held 550–700 MiB under load
// (docs/PERFORMANCE.md, "Memory"). A fixed factor keeps it near what is live, at the cost of more
// frequent collections. V8 reads the factor at each collection, so setting it once the process
// runs applies it from the next one on; 0 restores V8's own choice.

/**
 * The server's young generation, given on its command line (V8 sizes it when the process starts; the
 * start script and the container's start pass it). Node.js 20 grows it to this size by itself; Node.js
 * 24 lets it reach 32 MiB a semi-space, and with the growth above the heap then held ~320 MiB where it
 * holds ~180 on Node.js 20 for the same live objects (docs/PERFORMANCE.md, "Node.js 24").
 */
export const YOUNG_GENERATION_FLAGS = ["--max-semi-space-size=16"] as const;

/** Lets the heap grow to (1 + percent/100) times what the last full collection kept. */
export function limitHeapGrowth(percent: number): void {
  setFlagsFromString(`--heap-growing-percent=${Math.trunc(percent)}`);
}
