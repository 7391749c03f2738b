// The launcher's database setup, run in a worker thread that ends when done:
// applies the migrations (Prisma's schema engine, compiled to WebAssembly) and
// seeds the demo workspace where it belongs (lib/demo/login.ts shouldSeedDemo).
// In a thread of its own, the schema engine's memory and every module it loaded
// go away with the thread instead of staying for the app's lifetime. The
// launcher (scripts/serve.ts) passes the database's URL and what to do, and
// gets back what was done.
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { disconnectDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import { shouldSeedDemo } from "@/lib/demo/login";
import { seedDemoWorkspace } from "@/lib/demo/seed";
import { env, publishDatabaseUrl } from "@/lib/env";

export type DatabaseSetupRequest = { url: string; migrate: boolean; mode: "dev" | "start" };
export type DatabaseSetupResult = { appliedMigrations: string[]; seededConversations: number | null };

if (isMainThread) {
  process.stderr.write("database-setup runs inside the launcher (npm start, npm run dev); to migrate, run `npm run db:migrate`\n");
  process.exit(2);
}

const request = workerData as DatabaseSetupRequest;
publishDatabaseUrl(request.url);
try {
  const appliedMigrations = request.migrate ? await applyMigrations(request.url) : [];
  const seeded = shouldSeedDemo(request.mode, env().SEED_DEMO) ? await seedDemoWorkspace() : null;
  parentPort!.postMessage({ appliedMigrations, seededConversations: seeded?.conversations ?? null } satisfies DatabaseSetupResult);
} finally {
  await disconnectDb();
}
