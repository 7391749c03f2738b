// `npm run dev` / `npm start`: the app, in one process. Starts the database
// server (embedded PostgreSQL unless DATABASE_URL is set), then in a worker
// thread that ends when done applies the migrations (unless
// MIGRATE_ON_START=false) and seeds the demo where it belongs
// (scripts/database-setup.ts). When no Inngest is configured, the background
// worker runs in a worker thread of its own (scripts/worker.ts). The web server
// runs on HOST:PORT: for `start` in this process (scripts/web.ts: the build's
// standalone Next behind Node's http server), for `dev` as `next dev` beside it.
// Stops it all on Ctrl-C or SIGTERM; a worker or web server that stops on its
// own stops the app, so a supervisor restarts it whole. One process, not three:
// the app's memory is counted once (docs/decisions/0022).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { getHeapStatistics } from "node:v8";
import { Worker, type ResourceLimits } from "node:worker_threads";
import { connectDatabaseServer } from "@/lib/db/database";
import { env, inngestConfigured, publishDatabaseUrl, reloadEnv, startWarnings } from "@/lib/env";
import type { DatabaseSetupRequest, DatabaseSetupResult } from "./database-setup";
import type { WebServer } from "./web";
import type { WorkerThreadMessage } from "./worker";

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

// The production web server runs in this process: its configuration (AUTH_SECRET) is checked now, not on the first request.
if (mode === "start") Object.assign(process.env, { NODE_ENV: "production" });
process.env.NEXT_TELEMETRY_DISABLED = "1";
let config;
try {
  config = env();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
for (const warning of startWarnings(config)) log(`warning: ${warning}`);
if (mode === "start" && !existsSync(STANDALONE_SERVER)) fail(`${STANDALONE_SERVER} is missing: run \`npm run build\` first.`);
// WEB_HEAP_MB is applied by `npm start` (scripts/release.sh) as Node starts; started otherwise, say so.
if (mode === "start" && getHeapStatistics().heap_size_limit > 2 * config.WEB_HEAP_MB * 1024 * 1024) {
  log(`warning: the web server's heap is not bounded by WEB_HEAP_MB (${config.WEB_HEAP_MB} MB): start with \`npm start\` or \`bash scripts/release.sh start\`.`);
}

/** An entry point beside this file: scripts/NAME.ts under tsx, dist/NAME.mjs in a build. */
function siblingEntry(name: string): string {
  const self = fileURLToPath(import.meta.url);
  return path.join(path.dirname(self), `${name}${path.extname(self)}`);
}

/** Runs the entry NAME beside this file in a worker thread; `first` settles with its first message. */
function startThread<T>(name: string, options: { workerData?: unknown; resourceLimits?: ResourceLimits } = {}): { thread: Worker; first: Promise<T> } {
  const thread = new Worker(siblingEntry(name), options);
  const first = new Promise<T>((resolve, reject) => {
    thread.once("message", resolve);
    thread.once("error", reject);
    thread.once("exit", (code) => reject(new Error(`${name} ended (code ${code}) before it started`)));
  });
  return { thread, first };
}

const ended = (thread: Worker) => new Promise<void>((resolve) => (thread.threadId === -1 ? resolve() : thread.once("exit", () => resolve())));

let database;
try {
  database = await connectDatabaseServer();
  log(`database: ${database.embedded ? `embedded PostgreSQL (${config.LEADBRIDGE_DATA_DIR}/postgres)` : "DATABASE_URL"}`);
  publishDatabaseUrl(database.url);
  const setup = startThread<DatabaseSetupResult>("database-setup", { workerData: { url: database.url, migrate: config.MIGRATE_ON_START, mode } satisfies DatabaseSetupRequest });
  const { appliedMigrations, seededConversations } = await setup.first;
  await ended(setup.thread);
  if (appliedMigrations.length > 0) log(`applied migrations: ${appliedMigrations.join(", ")}`);
  if (seededConversations !== null) log(`created the demo workspace with ${seededConversations} conversations`);
} catch (error) {
  await database?.release();
  fail((error as Error).message);
}
const prepared = database!;

let worker: Worker | undefined;
if (inngestConfigured(config)) {
  log("Inngest configured: background work runs in Inngest functions");
} else if (!config.BACKGROUND_WORKER) {
  log("no Inngest configured and BACKGROUND_WORKER=false: run `npm run -s jobs:drain` (or a worker elsewhere) to do background work");
} else {
  // V8 sizes a heap by its allocation rate, not by what it keeps: unbounded, the worker's grew to
  // 200 MB holding 60 MB live at 1,000 messages/s. Bounded, it collects sooner (BENCHMARKS.md, memory).
  const started = startThread<WorkerThreadMessage>("worker", { resourceLimits: { maxOldGenerationSizeMb: config.WORKER_HEAP_MB, maxYoungGenerationSizeMb: 16 } });
  try {
    const message = await started.first;
    // /api/metrics adds the worker's counters from here (lib/observability).
    if (typeof message === "object") process.env.WORKER_METRICS_URL = message.metricsUrl;
    reloadEnv();
  } catch (error) {
    await prepared.release();
    fail(`the background worker did not start: ${(error as Error).message}`);
  }
  worker = started.thread;
  log(`no Inngest configured: the background worker runs due work every ${config.WORKER_INTERVAL_SECONDS} s in a thread of this process`);
}

let devServer: ChildProcess | undefined;
let webServer: WebServer | undefined;
if (mode === "dev") {
  devServer = spawn(process.execPath, ["node_modules/next/dist/bin/next", "dev", "--hostname", config.HOST, "--port", String(config.PORT)], { stdio: "inherit" });
} else {
  try {
    const { startWebServer } = (await import(pathToFileURL(siblingEntry("web")).href)) as typeof import("./web");
    webServer = await startWebServer();
    log(`web server ready on http://${config.HOST}:${config.PORT}`);
  } catch (error) {
    worker?.postMessage("stop" satisfies WorkerThreadMessage);
    await prepared.release();
    fail(`the web server did not start: ${(error as Error).message}`);
  }
}
log(`http://${config.HOST}:${config.PORT}`);

let stopping = false;
/** Stops the web server (answering what is in flight), then the worker, then the database; exits with `code`. */
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (devServer && devServer.exitCode === null && devServer.signalCode === null) {
    const exited = new Promise((resolve) => devServer!.once("exit", resolve));
    devServer.kill("SIGTERM");
    await exited;
  }
  await webServer?.stop().catch(() => {});
  if (worker) {
    const workerEnded = ended(worker);
    worker.postMessage("stop" satisfies WorkerThreadMessage);
    // A pass in flight finishes first; one that hangs is cut, as a supervisor would.
    const cut = setTimeout(() => void worker!.terminate(), 15_000);
    await workerEnded;
    clearTimeout(cut);
  }
  await prepared.release();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

// A worker that stops on its own takes the app down with it, so a supervisor restarts it whole.
worker?.on("error", (error) => log(`the background worker failed: ${error.stack ?? error.message}`));
worker?.on("exit", (code) => {
  if (stopping) return;
  log(`the background worker stopped (code ${code}); stopping`);
  void stop(1);
});
devServer?.on("exit", (code, signal) => {
  if (!stopping) void stop(code ?? (signal ? 0 : 1));
});
