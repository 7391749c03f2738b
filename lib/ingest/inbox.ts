// The webhook inbox: where a signed WhatsApp delivery waits, exactly as Meta
// sent it, between the webhook's answer and its storing. Appending is one
// statement that also asks for the inbox to be processed (a `process_inbox`
// outbox item, unless one is pending), so the webhook answers in
// milliseconds and nothing acknowledged can be lost; concurrent deliveries
// share that statement (group commit). Processing takes the
// oldest deliveries under one lock (one batch at a time, in order), and
// removes each once stored; a delivery that cannot be stored stays, failed,
// with its error, until an operator replays it (`webhooks:inbox`).
import { db, type Prisma, type PrismaClient } from "@/lib/db/client";
import { groupCommit } from "@/lib/db/group-commit";
import { lockForTransaction } from "@/lib/db/locks";
import { enqueueOnce, enqueueOnceCte } from "@/lib/outbox/outbox";

/** The job kind that processes the inbox (lib/jobs/process-inbox.ts). */
export const INBOX_JOB_KIND = "process_inbox";
const WAKE = { kind: INBOX_JOB_KIND, dedupeKey: "inbox" } as const;
const INBOX_LOCK = "webhook-inbox";

export type InboxDelivery = { id: bigint; receivedAt: Date; body: string };

/**
 * Keeps verified deliveries, in the order given, and asks for processing, in
 * one statement. `woke`: this call created the processing request (the caller
 * dispatches it).
 */
export async function appendDeliveries(bodies: readonly string[]): Promise<{ ids: string[]; woke: boolean }> {
  const rows = await db().$queryRaw<{ id: bigint | null; woke: number }[]>`
    WITH delivery AS (
           INSERT INTO webhook_inbox (body)
           SELECT body FROM unnest(${[...bodies]}::text[]) WITH ORDINALITY AS given(body, position) ORDER BY position
           RETURNING id),
         ${enqueueOnceCte("wake", WAKE)}
    SELECT id, (SELECT count(*)::int FROM wake) AS woke FROM delivery ORDER BY id`;
  return { ids: rows.map((row) => String(row.id)), woke: (rows[0]?.woke ?? 0) > 0 };
}

/** Deliveries appended at once by concurrent webhook requests are written together (lib/db/group-commit.ts). */
const appendGrouped = groupCommit(
  async (bodies: string[]) => {
    const { ids, woke } = await appendDeliveries(bodies);
    // One caller of the batch dispatches the processing request it created.
    return ids.map((id, index) => ({ id, woke: woke && index === 0 }));
  },
  { maxItems: 500, maxBytes: 8 * 1024 * 1024, sizeOf: (body) => body.length, concurrency: 2 },
);

/**
 * Keeps one verified delivery and asks for processing; resolves once it is
 * committed. Concurrent calls share a statement. `woke`: as appendDeliveries.
 */
export function appendDelivery(body: string): Promise<{ id: string; woke: boolean }> {
  return appendGrouped(body);
}

/** Asks for processing (after a replay, or when a run leaves deliveries behind); true when it created the request. */
export function requestInboxProcessing(): Promise<boolean> {
  return enqueueOnce(db(), WAKE);
}

/**
 * Runs `work` in a transaction holding the inbox's lock: stores happen one at
 * a time, in order (the processor's batches, an admin routing parked payloads).
 */
export function withInboxLock<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db().$transaction(
    async (tx) => {
      await lockForTransaction(tx, INBOX_LOCK);
      return work(tx);
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
}

/** The oldest deliveries waiting, in the order they came. */
export async function pendingDeliveries(tx: Prisma.TransactionClient, limit: number): Promise<InboxDelivery[]> {
  return tx.webhookDelivery.findMany({ where: { status: "pending" }, orderBy: { id: "asc" }, take: limit, select: { id: true, receivedAt: true, body: true } });
}

export async function hasPendingDeliveries(): Promise<boolean> {
  return (await db().webhookDelivery.findFirst({ where: { status: "pending" }, select: { id: true } })) !== null;
}

/** Removes stored deliveries (their messages are kept, with each message's raw object). */
export async function removeDeliveries(tx: Prisma.TransactionClient, ids: readonly bigint[]): Promise<void> {
  if (ids.length > 0) await tx.webhookDelivery.deleteMany({ where: { id: { in: [...ids] } } });
}

/** Whether a delivery still waits (another run may have stored it meanwhile). */
export async function isPending(tx: Prisma.TransactionClient, id: bigint): Promise<boolean> {
  return (await tx.webhookDelivery.count({ where: { id, status: "pending" } })) > 0;
}

/** Keeps a delivery that could not be stored, with why. */
export async function markDeliveryFailed(client: Prisma.TransactionClient | PrismaClient, id: bigint, error: string): Promise<void> {
  await client.webhookDelivery.update({
    where: { id },
    data: { status: "failed", error: error.slice(0, 2000), failedAt: new Date(), attempts: { increment: 1 } },
  });
}

export type FailedDelivery = { id: string; receivedAt: Date; failedAt: Date | null; attempts: number; error: string | null; bytes: number };

/** Deliveries that could not be stored, oldest first (never their content: it holds personal data). */
export async function listFailedDeliveries(limit = 100): Promise<FailedDelivery[]> {
  const rows = await db().$queryRaw<{ id: bigint; received_at: Date; failed_at: Date | null; attempts: number; error: string | null; bytes: number }[]>`
    SELECT id, received_at, failed_at, attempts, error, octet_length(body)::int AS bytes
      FROM webhook_inbox WHERE status = 'failed' ORDER BY id LIMIT ${limit}`;
  return rows.map((row) => ({ id: String(row.id), receivedAt: row.received_at, failedAt: row.failed_at, attempts: row.attempts, error: row.error, bytes: row.bytes }));
}

/** Puts failed deliveries back in line (these ids, or all of them) and asks for processing; returns how many. */
export async function replayDeliveries(which: { ids: readonly string[] } | "all"): Promise<number> {
  const { count } = await db().webhookDelivery.updateMany({
    where: { status: "failed", ...(which === "all" ? {} : { id: { in: which.ids.map((id) => BigInt(id)) } }) },
    data: { status: "pending" },
  });
  if (count > 0) await requestInboxProcessing();
  return count;
}
