// `npm run db:migrate`: applies committed migrations to the configured database
// (DATABASE_URL, or the embedded PostgreSQL, started for the occasion if needed).
import { prepareDatabase } from "@/lib/db/database";
import { runCli } from "./cli";

await runCli(async () => {
  const database = await prepareDatabase();
  try {
    return { database: database.embedded ? "embedded" : "DATABASE_URL", applied: database.appliedMigrations };
  } finally {
    await database.release();
  }
});
