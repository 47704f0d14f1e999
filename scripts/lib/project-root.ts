import { dirname, resolve } from "node:path";

/** The repository's root, from this file's place in it (scripts/lib/). */
export const PROJECT_ROOT = resolve(dirname(new URL(import.meta.url).pathname), "../..");
