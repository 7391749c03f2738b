// The ingest benchmark's load: a separate process that posts signed WhatsApp
// deliveries to the app on 127.0.0.1 from `concurrency` senders, paced to
// `rate` deliveries per second (0: as fast as answers come), for at most
// `durationSeconds` and `maxDeliveries`. Every `redeliverEvery`th delivery is
// followed by a redelivery of an earlier one (Meta retries). Latency is counted
// from when a delivery was due, so a server that falls behind shows it. Prints
// one JSON result: counts, latencies, and when each message was acknowledged.
import http from "node:http";
import { latencies } from "../support/stats";
import { delivery, type Delivery, type DeliveryPlan } from "./deliveries";

export type IngestLoadConfig = DeliveryPlan & {
  url: string;
  secret: string;
  concurrency: number;
  rate: number;
  durationSeconds: number;
  maxDeliveries: number;
  redeliverEvery: number;
};

export type IngestLoadResult = {
  /** Distinct messages sent and acknowledged with 200. */
  messagesAcknowledged: number;
  requests: number;
  redeliveries: number;
  failures: number;
  statuses: Record<string, number>;
  firstError?: string;
  elapsedSeconds: number;
  latencyMs: ReturnType<typeof latencies>;
  /** seq -> epoch ms of the first 200 for that message. */
  acknowledgedAt: Record<number, number>;
};

const config = JSON.parse(process.argv[2] ?? "{}") as IngestLoadConfig;
const target = new URL(config.url);
if (!["127.0.0.1", "localhost", "[::1]"].includes(target.hostname)) {
  process.stderr.write(`refusing to send load to ${target.hostname}: 127.0.0.1 only\n`);
  process.exit(2);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: config.concurrency });

function post(item: Delivery): Promise<{ status: number; error?: string }> {
  return new Promise((resolve) => {
    const request = http.request(
      target,
      {
        method: "POST",
        agent,
        timeout: 30_000,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(item.body), "x-hub-signature-256": item.signature },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, error: response.statusCode === 200 ? undefined : Buffer.concat(chunks).toString("utf8").slice(0, 300) }));
      },
    );
    request.on("timeout", () => request.destroy(new Error("timed out after 30 s")));
    request.on("error", (error) => resolve({ status: 0, error: error.message }));
    request.end(item.body);
  });
}

// Signed ahead, so signing does not slow the senders.
const plannedCount = config.rate > 0 ? Math.min(config.maxDeliveries, Math.ceil(config.rate * config.durationSeconds)) : config.maxDeliveries;
const planned: Delivery[] = Array.from({ length: plannedCount }, (_, seq) => delivery(config, seq, config.secret));

const result: IngestLoadResult = { messagesAcknowledged: 0, requests: 0, redeliveries: 0, failures: 0, statuses: {}, elapsedSeconds: 0, latencyMs: latencies([]), acknowledgedAt: {} };
const times: number[] = [];
const start = performance.now();
const startEpoch = Date.now();
const deadline = start + config.durationSeconds * 1000;
let next = 0;

async function send(item: Delivery, dueAt: number, redelivery: boolean): Promise<void> {
  const wait = dueAt - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const answer = await post(item);
  const end = performance.now();
  result.requests += 1;
  result.statuses[answer.status] = (result.statuses[answer.status] ?? 0) + 1;
  times.push(end - Math.max(dueAt, start));
  if (redelivery) result.redeliveries += 1;
  if (answer.status !== 200) {
    result.failures += 1;
    result.firstError ??= `${answer.status} ${answer.error ?? ""}`.trim();
    return;
  }
  result.acknowledgedAt[item.seq] ??= startEpoch + (end - start);
}

async function sender(): Promise<void> {
  for (;;) {
    const seq = next++;
    if (seq >= planned.length) return;
    const dueAt = config.rate > 0 ? start + (seq * 1000) / config.rate : performance.now();
    if (dueAt > deadline || performance.now() > deadline) return;
    await send(planned[seq]!, dueAt, false);
    if (config.redeliverEvery > 0 && seq > 0 && seq % config.redeliverEvery === 0) {
      await send(planned[Math.floor(seq / 2)]!, performance.now(), true);
    }
  }
}

await Promise.all(Array.from({ length: config.concurrency }, sender));
result.elapsedSeconds = Math.round((performance.now() - start) / 10) / 100;
result.latencyMs = latencies(times);
result.messagesAcknowledged = Object.keys(result.acknowledgedAt).length;
agent.destroy();
process.stdout.write(`${JSON.stringify(result)}\n`);
