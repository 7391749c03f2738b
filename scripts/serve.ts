// `npm run dev` / `npm start`: prepares the database (embedded PostgreSQL unless
// DATABASE_URL is set; migrations; demo data on an empty database), then runs
// Next.js on HOST:PORT with that database, and stops it all on Ctrl-C.
import { spawn } from "node:child_process";
import { prepareDatabase } from "@/lib/db/database";
import { seedDemoWorkspace } from "@/lib/demo/seed";
import { disconnectDb } from "@/lib/db/client";
import { env, inngestConfigured, parseEnv } from "@/lib/env";
import { runJobs } from "@/lib/jobs/drain";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  process.stderr.write("usage: tsx scripts/serve.ts dev|start\n");
  process.exit(2);
}

let config;
try {
  config = env();
  // `next start` runs with NODE_ENV=production: check its configuration (AUTH_SECRET) now, not on the first request.
  if (mode === "start") parseEnv({ ...process.env, NODE_ENV: "production" });
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}

const log = (line: string) => process.stdout.write(`[leadbridge] ${line}\n`);
let database;
try {
  database = await prepareDatabase();
  log(`database: ${database.embedded ? `embedded PostgreSQL (${config.LEADBRIDGE_DATA_DIR}/postgres)` : "DATABASE_URL"}`);
  if (database.appliedMigrations.length > 0) log(`applied migrations: ${database.appliedMigrations.map((name) => name.split("/").pop()).join(", ")}`);
  if (config.SEED_DEMO) {
    const seeded = await seedDemoWorkspace();
    if (seeded) log(`created the demo workspace with ${seeded.conversations} conversations`);
  }
  await disconnectDb();
} catch (error) {
  process.stderr.write(`[leadbridge] cannot start: ${(error as Error).message}\n`);
  await database?.release();
  process.exit(1);
}

const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", mode, "--hostname", config.HOST, "--port", String(config.PORT)], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" },
});
log(`http://${config.HOST}:${config.PORT}`);

// With no Inngest engine on a laptop, run background work here so the product
// works end to end; production relies on Inngest (Cloud or self-hosted).
const background = new AbortController();
let backgroundDone: Promise<unknown> = Promise.resolve();
if (mode === "dev" && !inngestConfigured(config)) {
  log(`no Inngest configured: running background work every ${config.DEV_DRAIN_INTERVAL_SECONDS} s`);
  backgroundDone = runJobs({
    mode: "continuously",
    worker: `dev-server:${process.pid}`,
    signal: background.signal,
    pollMs: config.DEV_DRAIN_INTERVAL_SECONDS * 1000,
    onPass: (summary) => log(`background work: ${summary.done} done, ${summary.retrying} retrying, ${summary.failed} failed`),
  }).catch((error: unknown) => log(`background work stopped: ${(error as Error).message}`));
}

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  next.kill(signal);
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));

next.on("exit", async (code, signal) => {
  background.abort();
  await backgroundDone;
  await disconnectDb();
  await database.release();
  process.exit(code ?? (signal ? 0 : 1));
});
