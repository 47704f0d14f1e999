import { register } from "node:module";

// Server modules start with `import "server-only"`, which throws outside React's server environment
// (Vitest aliases it away the same way, see vitest.config.ts). The benchmark calls those modules
// from a plain Node process, so the package resolves to an empty module here. Import this first,
// then the server modules dynamically: static imports are resolved before any code runs.
const hooks = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,export {};", shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
