import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
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
  {
    // Only src/config/env.ts reads the environment.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/config/env.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through src/config/env.ts." }],
    },
  },
  globalIgnores([".next/**", ".next-*/**", "out/**", "build/**", "next-env.d.ts", "src/generated/**", ".data/**", "test-results/**", "playwright-report/**"]),
]);
