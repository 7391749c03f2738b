// ingest (and memory): signed one-message deliveries from a separate process
// at 1,000 per second for 30 s against the production build, then counts what
// was stored: nothing lost, nothing stored twice (redeliveries included), each
// contact's messages in order with the conversation's counters right, and how
// long each message took from its acknowledgment to being in the queue's
// tables. The app's memory (every process of it) is read at the end.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { startApp, type ProcessMemory } from "../support/app";
import { databaseUrl } from "@/lib/env";
import { withBenchDatabase } from "@/scripts/bench-database";
import { contactOf, type DeliveryPlan } from "../load/deliveries";
import type { IngestLoadConfig, IngestLoadResult } from "../load/ingest-load";
import { atLeast, below, check, runProcess, type Outcome, type Scenario, type Size } from "../support/scenario";
import { latencies } from "../support/stats";

const SECRET = "bench-whatsapp-app-secret";
const SIZES: Record<Size, { rate: number; seconds: number; contacts: number; concurrency: number }> = {
  full: { rate: 1_000, seconds: 30, contacts: 5_000, concurrency: 64 },
  small: { rate: 100, seconds: 3, contacts: 50, concurrency: 8 },
};
/** Every 100th delivery is followed by a redelivery of an earlier one. */
const REDELIVER_EVERY = 100;
/** How long the stored rows may keep changing after the load stops. */
const SETTLE_TIMEOUT_MS = 120_000;

async function seedWorkspace(client: pg.Client): Promise<{ workspaceId: string; phoneNumberId: string }> {
  const workspaceId = randomUUID();
  const phoneNumberId = `bench-${randomUUID().slice(0, 8)}`;
  await client.query(`INSERT INTO workspaces (id, name, slug, default_country, updated_at) VALUES ($1, 'Bench', $2, 'BR', now())`, [workspaceId, `bench-${workspaceId.slice(0, 8)}`]);
  await client.query(`INSERT INTO whatsapp_numbers (id, workspace_id, phone_number_id) VALUES (gen_random_uuid(), $1, $2)`, [workspaceId, phoneNumberId]);
  return { workspaceId, phoneNumberId };
}

/** Waits until this run's stored messages stop changing (the background processing caught up). */
async function settle(client: pg.Client, pattern: string, expected: number): Promise<number> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let last = -1;
  let unchangedSince = Date.now();
  for (;;) {
    const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM messages WHERE provider_message_id LIKE $1`, [pattern]);
    const count = rows[0]!.count;
    if (count >= expected) return count;
    if (count !== last) {
      last = count;
      unchangedSince = Date.now();
    }
    if (Date.now() - unchangedSince > 15_000 || Date.now() > deadline) return count;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

type StoredRow = { provider_message_id: string; body: string; received_at: Date; contact_wa_id: string; conversation_id: string };

export async function runIngest(size: Size, progress: (line: string) => void): Promise<Outcome & { memory: ProcessMemory[] }> {
  const sizes = SIZES[size];
  return withBenchDatabase(async (client) => {
    const url = databaseUrl();
    const { phoneNumberId } = await seedWorkspace(client);
    const app = await startApp("ingest", { databaseUrl: url, env: { WHATSAPP_APP_SECRET: SECRET } });
    try {
      const base: Omit<IngestLoadConfig, keyof DeliveryPlan | "rate" | "durationSeconds" | "maxDeliveries"> = {
        url: `${app.url}/api/webhooks/whatsapp`,
        secret: SECRET,
        concurrency: sizes.concurrency,
        redeliverEvery: REDELIVER_EVERY,
      };
      const baseTime = Math.floor(Date.now() / 1000) - 7_200;
      progress(`ingest: warming up the app`);
      await runProcess<IngestLoadResult>(
        "bench/load/ingest-load.ts",
        { ...base, runId: "warmup", phoneNumberId, contacts: 20, baseTime, rate: 200, durationSeconds: 2, maxDeliveries: 400 } satisfies IngestLoadConfig,
        { timeoutMs: 60_000 },
      );
      const plan: DeliveryPlan = { runId: randomUUID().slice(0, 8), phoneNumberId, contacts: sizes.contacts, baseTime };
      progress(`ingest: ${sizes.rate} deliveries/s for ${sizes.seconds} s from ${sizes.concurrency} senders`);
      const load = await runProcess<IngestLoadResult>(
        "bench/load/ingest-load.ts",
        { ...base, ...plan, rate: sizes.rate, durationSeconds: sizes.seconds, maxDeliveries: sizes.rate * sizes.seconds } satisfies IngestLoadConfig,
        { timeoutMs: (sizes.seconds + 120) * 1000 },
      );
      const pattern = `wamid.bench.${plan.runId}.%`;
      progress(`ingest: ${load.messagesAcknowledged} acknowledged in ${load.elapsedSeconds} s (p99 ${load.latencyMs.p99} ms); waiting for them to be stored`);
      const storedCount = await settle(client, pattern, load.messagesAcknowledged);
      const memory = app.memory();

      const { rows } = await client.query<StoredRow>(
        `SELECT m.provider_message_id, m.body, m.received_at, c.contact_wa_id, m.conversation_id
           FROM messages m JOIN conversations c ON c.id = m.conversation_id
          WHERE m.provider_message_id LIKE $1
          ORDER BY c.contact_wa_id, m.sent_at, m.id`,
        [pattern],
      );
      const seqOf = (id: string) => Number(id.slice(id.lastIndexOf(".") + 1));
      const distinct = new Set(rows.map((row) => row.provider_message_id)).size;
      const acknowledged = Object.keys(load.acknowledgedAt).map(Number);
      // Each contact's stored messages, in stored order, are its messages 0, 1, 2... (its own order, none missing).
      const outOfOrder: string[] = [];
      const byContact = new Map<string, number[]>();
      for (const row of rows) byContact.set(row.contact_wa_id, [...(byContact.get(row.contact_wa_id) ?? []), contactOf(plan, seqOf(row.provider_message_id)).index]);
      for (const [waId, indexes] of byContact) if (indexes.some((index, position) => index !== position)) outOfOrder.push(waId);
      const counters = await client.query<{ wrong: number }>(
        `SELECT count(*)::int AS wrong
           FROM conversations c
           JOIN (SELECT conversation_id, count(*)::int AS n, min(sent_at) AS first, max(sent_at) AS last, max(sent_at) FILTER (WHERE role = 'user') AS last_user
                   FROM messages
                  WHERE conversation_id IN (SELECT conversation_id FROM messages WHERE provider_message_id LIKE $1)
                  GROUP BY conversation_id) s ON s.conversation_id = c.id
          WHERE (c.message_count, c.first_message_at, c.last_message_at, c.last_user_message_at) IS DISTINCT FROM (s.n, s.first, s.last, s.last_user)`,
        [pattern],
      );
      const visible = rows.flatMap((row) => {
        const ackAt = load.acknowledgedAt[seqOf(row.provider_message_id)];
        return ackAt === undefined ? [] : [row.received_at.getTime() - ackAt];
      });
      const visibility = latencies(visible);
      const throughput = load.messagesAcknowledged / sizes.seconds;
      const storedIds = new Set(rows.map((row) => seqOf(row.provider_message_id)));
      const lostCount = acknowledged.filter((seq) => !storedIds.has(seq)).length;
      return {
        sizes: { deliveriesPerSecond: sizes.rate, seconds: sizes.seconds, contacts: sizes.contacts, senders: sizes.concurrency, redeliveries: load.redeliveries },
        figures: {
          messagesPerSecond: Math.round(throughput),
          acknowledgedMs: load.latencyMs,
          visibleInQueueMs: visibility,
          requests: load.requests,
          statuses: load.statuses,
          ...(load.firstError ? { firstError: load.firstError } : {}),
          stored: storedCount,
          memory,
        },
        targets: {
          messagesPerSecond: atLeast(Math.round(throughput), sizes.rate, "msg/s"),
          acknowledgedP99: below(load.latencyMs.p99, 100, "ms"),
          visibleP99: below(visibility.p99, 5_000, "ms"),
        },
        checks: [
          check("every delivery answered 200", load.failures === 0, load.failures ? { failures: load.failures, firstError: load.firstError } : undefined),
          check("no acknowledged message lost", lostCount === 0, lostCount ? { lost: lostCount } : undefined),
          check("no message stored twice", distinct === rows.length, { rows: rows.length, distinct }),
          check("nothing stored that was not sent", rows.length <= load.messagesAcknowledged + load.failures),
          check("each contact's messages in its order, none missing", outOfOrder.length === 0, outOfOrder.length ? { contacts: outOfOrder.slice(0, 5) } : undefined),
          check("conversation counters match their messages", counters.rows[0]!.wrong === 0, { wrong: counters.rows[0]!.wrong }),
        ],
        memory,
      };
    } finally {
      await app.stop();
    }
  });
}

export const ingestScenario: Scenario = {
  name: "ingest",
  target: "signed one-message deliveries: >= 1,000 messages/s for 30 s, p99 acknowledgment < 100 ms, zero lost or duplicated, every message visible to the queue within 5 s (p99)",
  run: (size, context) => runIngest(size, context.progress),
};
