// npm run lockfile:complete — run after changing dependencies.
//
// `npm install` may record other platforms' builds of packages with native binaries (next's SWC, tailwind's
// oxide, …) as bare versions, or leaves them out when the registry would not serve them. A bare entry
// names no platform, so `npm ci` fetches and unpacks every platform's build (~550 MB more here); a missing
// one makes `npm ci` refuse the lock file. This completes each such optional package from the registry's
// metadata (integrity, cpu, os, libc), so that `npm ci` installs only the build for its platform; one the
// registry does not answer for is kept as a bare version, which `npm ci` accepts and skips when its fetch fails.
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
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

/** The registry's metadata that lets npm choose a platform's build, or nothing when the registry has none to give. */
async function platformOf(name, version) {
  try {
    const { stdout } = await run("npm", ["view", `${name}@${version}`, "dist.integrity", "cpu", "os", "libc", "--json"]);
    // With only one of the fields set (the integrity, always there), npm prints that value alone.
    const answer = JSON.parse(stdout);
    const metadata = typeof answer === "string" ? { "dist.integrity": answer } : answer;
    return { integrity: metadata["dist.integrity"], cpu: metadata.cpu, os: metadata.os, libc: metadata.libc };
  } catch {
    return undefined;
  }
}

const bare = Object.entries(packages).filter(([path, entry]) => path && entry.optional && !entry.integrity && !entry.link);
const completed = await Promise.all(
  bare.map(async ([path, entry]) => {
    const platform = await platformOf(path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length), entry.version);
    if (!platform?.integrity) return false;
    // In the order npm writes an entry's fields, so that a later `npm install` leaves the lock file as it is.
    const { version, integrity, ...fields } = { ...entry, ...platform };
    const named = Object.entries(fields).filter(([, value]) => value !== undefined).sort(([a], [b]) => a.localeCompare(b));
    packages[path] = { version, integrity, ...Object.fromEntries(named) };
    return true;
  }),
);

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
const platforms = completed.filter(Boolean).length;
console.log(
  `package-lock.json: ${added} optional platform packages added, ${platforms} given their platforms` +
    (bare.length > platforms ? `, ${bare.length - platforms} left as bare versions (the registry did not answer for them).` : "."),
);
