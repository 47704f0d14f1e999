import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./src", import.meta.url)),
      "server-only": fileURLToPath(new URL("./tests/setup/server-only.ts", import.meta.url)),
    },
  },
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    // The demo password's hash and a migrated database to copy, made once for every integration file.
    globalSetup: ["tests/setup/global-setup.ts"],
    // The files of a worker share its process: a new process per file loaded the app's modules and Prisma's query
    // compiler again each time, ~1.3 s a file (the run: 183 → 104 s on two cores). Each file still gets its own
    // database; what a file leaves in the process is undone after it (tests/setup/each-file.ts).
    isolate: false,
    setupFiles: ["tests/setup/each-file.ts"],
    // At least two files at once: most of an integration file's time is waiting on its database, and the
    // default (cores − 1) left one of two cores idle. Measured on two cores: 371–385 s alone, 259–304 s in pairs.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Each integration file starts its own database; starting one can take a few seconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
