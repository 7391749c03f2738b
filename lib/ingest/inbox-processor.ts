// Works through the webhook inbox: the oldest waiting deliveries, a batch at a
// time, each batch stored and removed in one transaction under the inbox lock
// (store-deliveries.ts), until the inbox is empty or the run's time is up
// (then it asks for another run, so other background work gets its turn).
// When a batch fails, its deliveries are stored one by one, so one bad
// delivery fails alone and keeps its error in the inbox; the rest go on. When
// the database itself goes away, nothing is marked failed: the run fails and
// the runner retries it, the deliveries still pending.
import { db } from "@/lib/db/client";
import { isDatabaseUnreachable } from "@/lib/db/errors";
import { logger } from "@/lib/log";
import { hasPendingDeliveries, isPending, markDeliveryFailed, pendingDeliveries, removeDeliveries, requestInboxProcessing, withInboxLock, type InboxDelivery } from "./inbox";
import { storeDeliveries, type IngestSummary } from "./store-deliveries";
import { parseJson } from "@/lib/http/body";
import { readWebhookPayload, type WebhookChange } from "./whatsapp-payload";

/** Deliveries per batch: large enough that a statement's cost is shared by hundreds of messages. */
export const INBOX_BATCH_SIZE = 500;
/** How long one run works before handing over to the next. */
export const INBOX_RUN_BUDGET_MS = 20_000;

export type InboxRun = {
  batches: number;
  /** Deliveries stored (and removed from the inbox). */
  deliveries: number;
  /** Deliveries that could not be stored: kept in the inbox, failed. */
  failed: number;
  stored: number;
  duplicates: number;
  badMessages: number;
  statusesApplied: number;
  parked: number;
  /** Deliveries were still waiting when the run's time was up (another run was asked for). */
  leftBehind: boolean;
};

/**
 * The delivery's changes as WhatsApp sent them, dated by when it was received
 * (not when it is read), its text cleaned of NUL and unpaired surrogates
 * (PostgreSQL refuses them) as every body on the way in.
 */
function readDelivery(delivery: InboxDelivery): WebhookChange[] {
  return readWebhookPayload(parseJson(delivery.body), delivery.receivedAt);
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function add(run: InboxRun, summary: IngestSummary, deliveries: number): void {
  run.deliveries += deliveries;
  run.stored += summary.stored;
  run.duplicates += summary.duplicates;
  run.badMessages += summary.badMessages;
  run.statusesApplied += summary.statusesApplied;
  run.parked += summary.parked.length;
}

function logFailure(delivery: InboxDelivery, error: unknown): void {
  logger.error({ area: "ingest", deliveryId: String(delivery.id), reason: reasonOf(error) }, "a webhook delivery could not be stored; it stays in the inbox");
}

type Settings = { batchSize: number };

/** Stores one delivery on its own (after its batch failed); a failure is kept on it. */
async function storeAlone(run: InboxRun, delivery: InboxDelivery): Promise<void> {
  try {
    const summary = await withInboxLock(async (tx) => {
      if (!(await isPending(tx, delivery.id))) return undefined;
      const stored = await storeDeliveries(tx, [readDelivery(delivery)], {});
      await removeDeliveries(tx, [delivery.id]);
      return stored;
    });
    if (summary) add(run, summary, 1);
  } catch (error) {
    // The database went away, not this delivery's fault: it stays pending and the runner retries the run.
    if (isDatabaseUnreachable(error)) throw error;
    await markDeliveryFailed(db(), delivery.id, reasonOf(error));
    run.failed += 1;
    logFailure(delivery, error);
  }
}

/** Stores the next batch in one transaction; false when nothing was waiting. */
async function storeNextBatch(run: InboxRun, settings: Settings): Promise<boolean> {
  let batch: InboxDelivery[] = [];
  try {
    const { summary, stored, unreadable } = await withInboxLock(async (tx) => {
      batch = await pendingDeliveries(tx, settings.batchSize);
      const readable: { delivery: InboxDelivery; changes: WebhookChange[] }[] = [];
      const unreadable: { delivery: InboxDelivery; error: unknown }[] = [];
      for (const delivery of batch) {
        try {
          readable.push({ delivery, changes: readDelivery(delivery) });
        } catch (error) {
          // Not JSON a WhatsApp payload can be read from (the webhook checked it): kept, failed.
          await markDeliveryFailed(tx, delivery.id, reasonOf(error));
          unreadable.push({ delivery, error });
        }
      }
      const summary = await storeDeliveries(tx, readable.map((item) => item.changes), {});
      await removeDeliveries(tx, readable.map((item) => item.delivery.id));
      return { summary, stored: readable.length, unreadable };
    });
    add(run, summary, stored);
    run.failed += unreadable.length;
    for (const { delivery, error } of unreadable) logFailure(delivery, error);
  } catch (error) {
    // Nothing was read, or the database went away: the deliveries stay pending and the runner retries the run.
    if (batch.length === 0 || isDatabaseUnreachable(error)) throw error;
    // Rolled back as a whole: one by one, so only a delivery that cannot be stored fails.
    for (const delivery of batch) await storeAlone(run, delivery);
  }
  if (batch.length > 0) run.batches += 1;
  return batch.length > 0;
}

/** Stores waiting deliveries until none is left or `budgetMs` has passed. */
export async function processInbox(options: { budgetMs?: number; batchSize?: number } = {}): Promise<InboxRun> {
  const until = Date.now() + (options.budgetMs ?? INBOX_RUN_BUDGET_MS);
  const settings = { batchSize: options.batchSize ?? INBOX_BATCH_SIZE };
  const run: InboxRun = { batches: 0, deliveries: 0, failed: 0, stored: 0, duplicates: 0, badMessages: 0, statusesApplied: 0, parked: 0, leftBehind: false };
  while (await storeNextBatch(run, settings)) {
    if (Date.now() >= until) {
      run.leftBehind = await hasPendingDeliveries();
      if (run.leftBehind) await requestInboxProcessing();
      break;
    }
  }
  return run;
}

