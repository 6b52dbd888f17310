import { defineConfig } from "prisma/config";

// The Prisma CLI is used for `prisma generate` only; migrations are applied by
// scripts/migrate.ts (see docs/decisions/002-migrations.md). DATABASE_URL is optional here so
// that generate works on a machine without a database.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
