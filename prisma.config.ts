// Prisma CLI configuration. The schema engine binary cannot be downloaded on
// offline machines; lib/db/migrations.ts drives the WASM build instead, and
// this config keeps the real CLI working wherever it can run.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/leadbridge" },
});
