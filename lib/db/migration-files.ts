// The committed migrations on disk (prisma/migrations/<stamp>_<name>/), apart
// from the engine that applies them (lib/db/migrations.ts): /api/ready lists
// them without loading Prisma's schema engine into the web server.
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");

/** The committed migrations' folder names, oldest first. */
export async function committedMigrationNames(): Promise<string[]> {
  return existsSync(MIGRATIONS_DIR)
    ? (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
    : [];
}
