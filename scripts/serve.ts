// `npm run dev` / `npm start`: prepares the database (embedded PostgreSQL unless
// DATABASE_URL is set; migrations unless MIGRATE_ON_START=false; demo data on an
// empty database), then runs the web server on HOST:PORT (`next dev`, or the
// build's standalone Next behind scripts/web.ts) and, when no Inngest is configured, the background
// worker in its own process beside it. Stops it all on Ctrl-C or SIGTERM.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { prepareDatabase } from "@/lib/db/database";
import { shouldSeedDemo } from "@/lib/demo/login";
import { seedDemoWorkspace } from "@/lib/demo/seed";
import { disconnectDb } from "@/lib/db/client";
import { env, inngestConfigured, parseEnv, startWarnings } from "@/lib/env";

const STANDALONE_SERVER = ".next/standalone/server.js";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  process.stderr.write("usage: serve dev|start\n");
  process.exit(2);
}

const log = (line: string) => process.stdout.write(`[leadbridge] ${line}\n`);
const fail = (line: string): never => {
  process.stderr.write(`[leadbridge] cannot start: ${line}\n`);
  process.exit(1);
};

let config;
let webConfig;
try {
  config = env();
  // The web server runs with NODE_ENV=production: check its configuration (AUTH_SECRET) now, not on the first request.
  if (mode === "start") webConfig = parseEnv({ ...process.env, NODE_ENV: "production" });
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
for (const warning of startWarnings(webConfig ?? config)) log(`warning: ${warning}`);
if (mode === "start" && !existsSync(STANDALONE_SERVER)) fail(`${STANDALONE_SERVER} is missing: run \`npm run build\` first.`);

let database;
try {
  database = await prepareDatabase(() => {}, { migrate: config.MIGRATE_ON_START });
  log(`database: ${database.embedded ? `embedded PostgreSQL (${config.LEADBRIDGE_DATA_DIR}/postgres)` : "DATABASE_URL"}`);
  if (database.appliedMigrations.length > 0) log(`applied migrations: ${database.appliedMigrations.join(", ")}`);
  if (shouldSeedDemo(mode, config.SEED_DEMO)) {
    const seeded = await seedDemoWorkspace();
    if (seeded) log(`created the demo workspace with ${seeded.conversations} conversations`);
  }
  await disconnectDb();
} catch (error) {
  await database?.release();
  fail((error as Error).message);
}
const prepared = database!;
const childEnv = { ...process.env, DATABASE_URL: prepared.url, NEXT_TELEMETRY_DISABLED: "1" };

/** An entry point beside this file: scripts/NAME.ts under tsx, dist/NAME.mjs in a build. */
function siblingEntry(name: string): string {
  const self = fileURLToPath(import.meta.url);
  return path.join(path.dirname(self), `${name}${path.extname(self)}`);
}

/**
 * The background worker, beside this file (scripts/worker.ts under tsx,
 * dist/worker.mjs in a build): the same Node and loader flags as this process.
 * Resolves with the loopback URL of its metrics once it runs.
 */
function startWorker(): Promise<{ child: ChildProcess; metricsUrl: string }> {
  const child = spawn(process.execPath, [...process.execArgv, siblingEntry("worker")], { stdio: ["ignore", "inherit", "inherit", "ipc"], env: childEnv });
  return new Promise((resolve, reject) => {
    child.once("message", (message: { metricsUrl?: string }) => resolve({ child, metricsUrl: String(message.metricsUrl) }));
    child.once("exit", (code) => reject(new Error(`the background worker exited (code ${code}) before it started`)));
    child.once("error", reject);
  });
}

let worker: ChildProcess | undefined;
let workerMetricsUrl: string | undefined;
if (inngestConfigured(config)) {
  log("Inngest configured: background work runs in Inngest functions");
} else if (!config.BACKGROUND_WORKER) {
  log("no Inngest configured and BACKGROUND_WORKER=false: run `npm run -s jobs:drain` (or a worker elsewhere) to do background work");
} else {
  try {
    ({ child: worker, metricsUrl: workerMetricsUrl } = await startWorker());
  } catch (error) {
    await prepared.release();
    fail((error as Error).message);
  }
  log(`no Inngest configured: the background worker (pid ${worker!.pid}) runs due work every ${config.WORKER_INTERVAL_SECONDS} s`);
}

const webEnv = { ...childEnv, ...(workerMetricsUrl ? { WORKER_METRICS_URL: workerMetricsUrl } : {}) };
const web =
  mode === "dev"
    ? spawn(process.execPath, ["node_modules/next/dist/bin/next", "dev", "--hostname", config.HOST, "--port", String(config.PORT)], { stdio: "inherit", env: webEnv })
    : // The production web server beside this file (scripts/web.ts, dist/web.mjs): Next's standalone build
      // behind Node's http server, which answers the WhatsApp webhook itself.
      spawn(process.execPath, [...process.execArgv, siblingEntry("web")], { stdio: "inherit", env: { ...webEnv, NODE_ENV: "production", HOST: config.HOST, PORT: String(config.PORT) } });
log(`http://${config.HOST}:${config.PORT}`);

let stopping = false;
let exitCode = 0;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  worker?.kill(signal);
  web.kill(signal);
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));

// A worker that dies on its own takes the app down with it, so a supervisor restarts both.
worker?.on("exit", (code) => {
  if (stopping) return;
  log(`the background worker exited (code ${code}); stopping`);
  exitCode = 1;
  stop("SIGTERM");
});

web.on("exit", async (code, signal) => {
  if (worker && worker.exitCode === null && worker.signalCode === null) {
    const exited = new Promise((resolve) => worker!.once("exit", resolve));
    worker.kill("SIGTERM");
    await exited;
  }
  await disconnectDb();
  await prepared.release();
  process.exit(stopping ? exitCode : (code ?? (signal ? 0 : 1)));
});
