// The background worker: runs due background work (extraction, CRM sync, score
// pushes, due follow-ups) through the same runner as `jobs:drain`, again and
// again until SIGTERM/SIGINT. The launcher (`npm start`, `npm run dev`) starts it
// in its own process beside the web server when no Inngest is configured
// (BACKGROUND_WORKER=false turns that off). It serves its metrics on loopback
// and tells the launcher where, so /api/metrics includes its counters.
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { disconnectDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { serveProcessMetrics } from "@/lib/observability/metrics";
import { drainOutbox } from "@/lib/outbox/drain";
import { outboxHandlers } from "@/lib/outbox/handlers";

const config = env();
const log = logger.child({ component: "worker" });
const worker = `worker@${hostname()}:${process.pid}`;
const stopping = new AbortController();
process.once("SIGTERM", () => stopping.abort());
process.once("SIGINT", () => stopping.abort());

const metricsServer = await serveProcessMetrics();
process.send?.({ metricsUrl: metricsServer.url });
log.info({ intervalSeconds: config.WORKER_INTERVAL_SECONDS }, "background worker started");

while (!stopping.signal.aborted) {
  try {
    // The one call this process exists for; the same as `jobs:drain` makes.
    const summary = await drainOutbox({ handlers: outboxHandlers, worker });
    if (summary.claimed > 0) log.info({ done: summary.done, retrying: summary.retrying, failed: summary.failed }, "background work ran");
  } catch (error) {
    log.error({ err: error }, "background work failed");
  }
  await sleep(config.WORKER_INTERVAL_SECONDS * 1000, undefined, { signal: stopping.signal }).catch(() => {});
}

await metricsServer.close();
await disconnectDb();
log.info("background worker stopped");
process.exit(0);
