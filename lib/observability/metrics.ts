// Prometheus metrics (prom-client): every metric the product exposes is defined
// here, and the code increments them where things happen (one line each).
// Counters live in the process that counts them: the web server (webhooks,
// Inngest functions) and the background worker, which serves its own registry
// as JSON on loopback so /api/metrics can add the two up. Database-derived
// gauges (outbox depth by kind, proposals by status) are read at scrape time.
import http from "node:http";
import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, type MetricObjectWithValues, type MetricValue } from "prom-client";
import { db } from "@/lib/db/client";

const PREFIX = "leadbridge_";

function createProcessMetrics() {
  const registry = new Registry();
  return {
    registry,
    webhooksReceived: new Counter({ name: `${PREFIX}webhooks_received_total`, help: "WhatsApp webhook deliveries received (POST)", registers: [registry] }),
    webhooksRefused: new Counter({
      name: `${PREFIX}webhooks_refused_total`,
      help: "WhatsApp webhook deliveries refused, by reason",
      labelNames: ["reason"] as const,
      registers: [registry],
    }),
    messagesStored: new Counter({ name: `${PREFIX}messages_stored_total`, help: "Messages stored (webhooks and imports), each once", registers: [registry] }),
    extractions: new Counter({
      name: `${PREFIX}extractions_total`,
      help: "Lead extractions, by provider and outcome (proposed, insufficient, failed)",
      labelNames: ["provider", "outcome"] as const,
      registers: [registry],
    }),
    crmCalls: new Counter({
      name: `${PREFIX}crm_calls_total`,
      help: "Requests to an external CRM, by CRM and result (ok, 429, 5xx, 4xx, error)",
      labelNames: ["crm", "result"] as const,
      registers: [registry],
    }),
    syncLatency: new Histogram({
      name: `${PREFIX}sync_latency_seconds`,
      help: "From a lead's approval to its record in the CRM",
      buckets: [1, 5, 15, 30, 60, 120, 300, 900, 3600, 21_600, 86_400],
      registers: [registry],
    }),
  };
}

type ProcessMetrics = ReturnType<typeof createProcessMetrics>;

// One set per process, kept on globalThis: Next.js may load this module more than once.
const holder = globalThis as { __leadbridgeMetrics?: ProcessMetrics };
export const metrics: ProcessMetrics = (holder.__leadbridgeMetrics ??= createProcessMetrics());

/** The result label of a CRM request: ok, 429, 5xx, 4xx, or error (no HTTP answer). */
export function crmCallResult(error?: unknown): string {
  if (error === undefined) return "ok";
  const status = Number((error as { code?: unknown; status?: unknown }).code ?? (error as { status?: unknown }).status);
  if (status === 429) return "429";
  if (status >= 500 && status < 600) return "5xx";
  if (status >= 400 && status < 500) return "4xx";
  return "error";
}

/** Gauges read from the database at scrape time (a fresh registry each time). */
async function databaseMetrics(): Promise<Registry> {
  const registry = new Registry();
  const outboxDepth = new Gauge({ name: `${PREFIX}outbox_depth`, help: "Background work not yet done (pending or claimed), by kind", labelNames: ["kind"] as const, registers: [registry] });
  const proposals = new Gauge({ name: `${PREFIX}proposals`, help: "Lead proposals, by status", labelNames: ["status"] as const, registers: [registry] });
  const [outbox, byStatus] = await Promise.all([
    db().outboxItem.groupBy({ by: ["kind"], where: { status: { in: ["pending", "claimed"] } }, _count: { _all: true } }),
    db().leadProposal.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  for (const row of outbox) outboxDepth.set({ kind: row.kind }, row._count._all);
  for (const row of byStatus) proposals.set({ status: row.status }, row._count._all);
  return registry;
}

type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

/** The background worker's counters, from the loopback address it serves them on (empty when unreachable). */
async function workerMetrics(url: string | undefined): Promise<MetricsJson> {
  if (!url) return [];
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.ok ? ((await response.json()) as MetricsJson) : [];
  } catch {
    return [];
  }
}

/** Prometheus text: this process's counters plus the worker's, and the database gauges. */
export async function renderMetrics(options: { workerMetricsUrl?: string } = {}): Promise<{ contentType: string; body: string }> {
  const [own, worker, database] = await Promise.all([metrics.registry.getMetricsAsJSON(), workerMetrics(options.workerMetricsUrl), databaseMetrics()]);
  const counted = AggregatorRegistry.aggregate([own, worker].filter((set) => set.length > 0) as never);
  const merged = Registry.merge([counted as Registry, database]);
  return { contentType: merged.contentType, body: await merged.metrics() };
}

/** The worker's side: serves this process's counters as JSON on 127.0.0.1 (an ephemeral port). */
export function serveProcessMetrics(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (_request, response) => {
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify(await metrics.registry.getMetricsAsJSON()));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}/metrics`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
