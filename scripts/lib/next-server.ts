import { join } from "node:path";
import { YOUNG_GENERATION_FLAGS } from "../../src/server/runtime/heap-growth";
import { PROJECT_ROOT } from "./project-root";

/**
 * What follows `node` to run the app's server on `port` as `npm start` runs it: with the flags the
 * server's memory relies on (src/server/runtime/heap-growth.ts). Every server the scripts, tests and
 * benchmarks start is started so.
 */
export function nextServerArguments(mode: "start" | "dev", port: number): string[] {
  return [...YOUNG_GENERATION_FLAGS, join(PROJECT_ROOT, "node_modules/next/dist/bin/next"), mode, "-p", String(port)];
}
