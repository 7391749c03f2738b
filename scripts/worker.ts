// The background worker: runs due background work (extraction, CRM sync, score
// pushes, due follow-ups) through the same runner as `jobs:drain`, again and
// again until told to stop. The launcher (`npm start`, `npm run dev`) runs it in
// a worker thread of the app's one process when no Inngest is configured
// (BACKGROUND_WORKER=false turns that off): its own event loop and heap, so
// extraction never delays the web server's answers, and no second copy of Node.
// `node dist/worker.mjs` runs it as a process of its own (a worker elsewhere),
// stopped by SIGTERM/SIGINT. Either way it serves its metrics on loopback and
// tells its parent where, so /api/metrics includes its counters.
import { hostname } from "node:os";
import { isMainThread, parentPort, threadId } from "node:worker_threads";
import { disconnectDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { runJobs } from "@/lib/jobs/drain";
import { logger } from "@/lib/log";
import { serveProcessMetrics } from "@/lib/observability/metrics";

/** What the launcher and this thread say to each other. */
export type WorkerThreadMessage = { metricsUrl: string } | "stop";

const config = env();
const log = logger.child({ component: "worker" });
const worker = `worker@${hostname()}:${process.pid}${isMainThread ? "" : `/${threadId}`}`;
const stopping = new AbortController();
if (isMainThread) {
  process.once("SIGTERM", () => stopping.abort());
  process.once("SIGINT", () => stopping.abort());
} else {
  parentPort!.on("message", (message: WorkerThreadMessage) => {
    if (message === "stop") stopping.abort();
  });
}

const metricsServer = await serveProcessMetrics();
const started: WorkerThreadMessage = { metricsUrl: metricsServer.url };
if (isMainThread) process.send?.(started);
else parentPort!.postMessage(started);
log.info({ intervalSeconds: config.WORKER_INTERVAL_SECONDS }, "background worker started");

// The one call this worker exists for: the runner `jobs:drain` runs once, here continuously.
await runJobs({
  mode: "continuously",
  worker,
  signal: stopping.signal,
  pollMs: config.WORKER_INTERVAL_SECONDS * 1000,
  onPass: (summary) => log.info({ done: summary.done, retrying: summary.retrying, failed: summary.failed }, "background work ran"),
});

await metricsServer.close();
await disconnectDb();
log.info("background worker stopped");
// A thread ends once nothing is left to run; a process may hold a timer of a library.
if (isMainThread) process.exit(0);
else parentPort!.close();
