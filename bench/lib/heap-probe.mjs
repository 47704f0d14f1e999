// Loaded into a server with NODE_OPTIONS="--import ./bench/lib/heap-probe.mjs": on SIGUSR2 it
// collects garbage twice and prints what is still live, with the resident size, to stderr — the
// memory a server keeps, as opposed to the garbage it has not collected yet (docs/PERFORMANCE.md).
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc");

process.on("SIGUSR2", () => {
  collectGarbage();
  collectGarbage();
  const { heapUsed, rss } = process.memoryUsage();
  const mib = (bytes) => (bytes / 1_048_576).toFixed(1);
  process.stderr.write(`heap probe: pid ${process.pid} (${process.title}) live heap ${mib(heapUsed)} MiB, resident ${mib(rss)} MiB\n`);
});
