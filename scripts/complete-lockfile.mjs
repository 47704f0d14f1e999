// npm run lockfile:complete — run after changing dependencies.
//
// The package registry reachable here serves only this platform's builds of packages with native
// binaries (next's SWC, tailwind's oxide, …); the other platforms' optional packages answer 404, so
// `npm install` leaves them out of package-lock.json and `npm ci` then refuses the lock file as out
// of sync. This adds each missing optional package as a version-only entry: `npm ci` accepts the
// lock file, and on each platform fetches the one build it needs (a failed optional fetch is skipped).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const lockPath = fileURLToPath(new URL("../package-lock.json", import.meta.url));
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const packages = lock.packages;
let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ""}node_modules/${name}`;
    const topLevel = `node_modules/${name}`;
    if (packages[nested] || packages[topLevel]) continue;
    packages[topLevel] = { version, optional: true };
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added ? `package-lock.json: added ${added} optional platform packages.` : "package-lock.json is complete.");
