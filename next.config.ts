import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Types are checked by `npm run typecheck`, which CI runs before the tests: checking them again in every build
  // was half of a first start's build (~30 of 57 s on two cores).
  typescript: { ignoreBuildErrors: true },
  // The build's module cache makes a rebuild after a change ~2× faster (npm start, the browser tests), but writing
  // it costs ~8 of a clean build's ~30 s; a one-off build (CI=true: CI's and the container image's) skips it.
  experimental: { turbopackFileSystemCacheForBuild: process.env.CI !== "true" },
  // Another build folder lets a second checkout's build (e.g. a parallel browser-test run) stay apart.
  distDir: process.env.PORTICO_BUILD_DIR ?? ".next",
  // The embedded database, the wasm schema engine and the mail servers and clients are Node-only
  // packages (sockets, streams, charset tables); keep them out of bundles.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "@prisma/schema-engine-wasm", "pg", "smtp-server", "imapflow", "mailparser", "nodemailer"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The Requests API answers JSON, which loads and runs nothing: a fixed policy that allows nothing, instead of
      // the pages' per-response nonce (src/proxy.ts skips these routes).
      { source: "/api/v1/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

// Translations: the per-request configuration is src/server/entry/locale.ts (docs/decisions/0007-localization.md).
// The plugin only tells the bundler where that file is, so the production server, which runs the
// finished build, does without it: importing it loads a native compiler into the server (12–19 MiB resident).
export default async function config(phase: string): Promise<NextConfig> {
  if (phase === PHASE_PRODUCTION_SERVER) return nextConfig;
  const { default: createNextIntlPlugin } = await import("next-intl/plugin");
  return createNextIntlPlugin("./src/server/entry/locale.ts")(nextConfig);
}
