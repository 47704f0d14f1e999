import { defineConfig } from "prisma/config";

// The Prisma CLI is used offline only for `prisma generate`; migrations run through scripts/db/.
// DATABASE_URL is optional here so that generate works without a database.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/portico" },
});
