import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import entryPoints from "./scripts/eslint/entry-points.mjs";

// Server code translates through src/server/entry/translations.ts, which shares parsed messages between requests.
const perRequestTranslations = {
  name: "next-intl/server",
  importNames: ["getTranslations"],
  message: "Import getTranslations from @/server/entry/translations (parsed messages shared between requests).",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // Before the entries below that set the same rule for their own files (a later entry's options win).
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/server/entry/translations.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [perRequestTranslations] }] },
  },
  {
    // The domain module stays pure: no framework, database or environment access.
    files: ["src/domain/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*"], message: "src/domain is pure TypeScript: no Next.js or React." },
            { group: ["@prisma/*", "prisma", "@/generated/*", "pg", "@/server/*", "@/app/*"], message: "src/domain is pure TypeScript: no database access." },
          ],
        },
      ],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "src/domain takes configuration as arguments." }],
      "no-restricted-globals": ["error", { name: "process", message: "src/domain takes configuration as arguments." }],
    },
  },
  // The layers, each importing only those below it (docs/decisions/0009-layering.md):
  // app → ui → server → schemas → domain; i18n and config are leaves.
  ...[
    { files: ["src/ui/**/*.{ts,tsx}"], below: "src/ui", forbidden: ["@/app/*"] },
    { files: ["src/server/**/*.{ts,tsx}"], below: "src/server", forbidden: ["@/app/*", "@/ui/*"] },
    { files: ["src/schemas/**/*.{ts,tsx}"], below: "src/schemas", forbidden: ["@/app/*", "@/ui/*", "@/server/*"] },
    { files: ["src/i18n/**/*.{ts,tsx}", "src/config/**/*.{ts,tsx}"], below: "src/i18n and src/config", forbidden: ["@/app/*", "@/ui/*", "@/server/*", "@/schemas/*"] },
  ].map(({ files, below, forbidden }) => ({
    files,
    rules: { "no-restricted-imports": ["error", { paths: [perRequestTranslations], patterns: [{ group: forbidden, message: `${below} does not import from the layers above it.` }] }] },
  })),
  {
    files: ["src/server/entry/translations.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "@/ui/*"], message: "src/server does not import from the layers above it." }] }] },
  },
  {
    // A value destructured away to leave the rest (`const { ok, ...body }`) is not an unused variable.
    rules: { "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }] },
  },
  {
    // Only src/config/env.ts reads the environment.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/config/env.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through src/config/env.ts." }],
    },
  },
  {
    // Server actions and route handlers go through src/server/entry/ wrappers, so none runs without resolving the viewer.
    files: ["src/app/**/*.{ts,tsx,js,jsx}"],
    plugins: { portico: entryPoints },
    rules: { "portico/wrapped-entry-points": "error" },
  },
  globalIgnores([".next/**", ".next-*/**", "out/**", "build/**", "next-env.d.ts", "src/generated/**", ".data/**", "test-results/**", "playwright-report/**"]),
]);
