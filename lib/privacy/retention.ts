// Raw webhook payloads are kept WEBHOOK_PAYLOAD_RETENTION_DAYS, then deleted:
// parked deliveries (routed or not), deliveries the webhook inbox failed to
// store, and the raw object stored beside each message (its readable body stays). Periodic work of lib/jobs/periodic.ts:
// the background worker runs it hourly, Inngest as an hourly cron. Each run
// reads the messages received before the cutoff (index on received_at).
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

const DAY = 86_400_000;

export function retentionCutoff(now: Date): Date {
  return new Date(now.getTime() - env().WEBHOOK_PAYLOAD_RETENTION_DAYS * DAY);
}

/** Deletes the payloads received before the retention period that ends `now`. */
export async function purgeExpiredWebhookPayloads(now: Date): Promise<{ parked: number; failedDeliveries: number; rawMessages: number }> {
  const cutoff = retentionCutoff(now);
  const parked = await db().parkedWebhook.deleteMany({ where: { receivedAt: { lt: cutoff } } });
  // Pending deliveries are still to be stored; failed ones are kept for a replay until then.
  const failed = await db().webhookDelivery.deleteMany({ where: { status: "failed", receivedAt: { lt: cutoff } } });
  const rawMessages = await db().$executeRaw`UPDATE messages SET raw = NULL WHERE received_at < ${cutoff} AND raw IS NOT NULL`;
  return { parked: parked.count, failedDeliveries: failed.count, rawMessages };
}
