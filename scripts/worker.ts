// The background worker: runs due background work (extraction, CRM sync, score
// pushes, due follow-ups) through the same runner as `jobs:drain`, again and
// again until SIGTERM/SIGINT. The launcher (`npm start`, `npm run dev`) starts it
// in its own process beside the web server when no Inngest is configured
// (BACKGROUND_WORKER=false turns that off). It serves its metrics on loopback
// and tells the launcher where, so /api/metrics includes its counters.
import { hostname } from "node:os";
import { disconnectDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { runJobs } from "@/lib/jobs/drain";
import { logger } from "@/lib/log";
import { serveProcessMetrics } from "@/lib/observability/metrics";

const config = env();
const log = logger.child({ component: "worker" });
const worker = `worker@${hostname()}:${process.pid}`;
const stopping = new AbortController();
process.once("SIGTERM", () => stopping.abort());
process.once("SIGINT", () => stopping.abort());

const metricsServer = await serveProcessMetrics();
process.send?.({ metricsUrl: metricsServer.url });
log.info({ intervalSeconds: config.WORKER_INTERVAL_SECONDS }, "background worker started");

// The one call this process exists for: the runner `jobs:drain` runs once, here continuously.
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
process.exit(0);
