// The transactional outbox: background work (extraction, CRM sync, score
// pushes, due follow-ups) is written as an OutboxItem in the same transaction
// as the change that asks for it, so nothing is lost while no background engine
// is reachable. Items are claimed with a lease before they are worked, so the
// Inngest functions and `jobs:drain` never do the same work twice.
import { db, type PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export const outboxKinds = ["extract_lead", "sync_lead", "push_scores", "follow_up_due", "notification_webhook"] as const;
export type OutboxKind = (typeof outboxKinds)[number];

export type OutboxItem = {
  id: string;
  workspaceId: string | null;
  kind: OutboxKind;
  payload: Record<string, unknown>;
  attempts: number;
  availableAt: Date;
};

type Tx = Prisma.TransactionClient | PrismaClient;

/** How long a claim protects an item before another worker may take it over. */
export const CLAIM_LEASE_MS = 5 * 60_000;
/** After this many failed attempts an item stops being retried and is shown as failed. */
export const MAX_ATTEMPTS = 8;

/**
 * Adds work. With a `dedupeKey`, a pending item of the same kind and key is
 * updated instead (its payload replaced and its time moved): repeated requests,
 * like new messages arriving in a conversation, collapse into one piece of work.
 */
export async function enqueue(
  tx: Tx,
  item: { workspaceId: string | null; kind: OutboxKind; payload: Record<string, unknown>; dedupeKey?: string; availableAt?: Date },
): Promise<{ id: string }> {
  const availableAt = item.availableAt ?? new Date();
  const payload = item.payload as Prisma.InputJsonValue;
  if (item.dedupeKey) {
    const pending = await tx.outboxItem.findFirst({
      where: { kind: item.kind, dedupeKey: item.dedupeKey, status: "pending" },
      select: { id: true },
    });
    if (pending) {
      await tx.outboxItem.update({ where: { id: pending.id }, data: { payload, availableAt, dispatchedAt: null } });
      return pending;
    }
  }
  return tx.outboxItem.create({
    data: { workspaceId: item.workspaceId, kind: item.kind, payload, dedupeKey: item.dedupeKey ?? null, availableAt },
    select: { id: true },
  });
}

type OutboxRow = {
  id: string;
  workspace_id: string | null;
  kind: OutboxKind;
  payload: Record<string, unknown>;
  attempts: number;
  available_at: Date;
};

const toItem = (row: OutboxRow): OutboxItem => ({
  id: row.id,
  workspaceId: row.workspace_id,
  kind: row.kind,
  payload: row.payload,
  attempts: row.attempts,
  availableAt: row.available_at,
});

/** Claims one item by id (Inngest functions); null when it is done, claimed by another worker, or not due. */
export async function claimItem(id: string, worker: string, now = new Date()): Promise<OutboxItem | null> {
  const rows = await db().$queryRaw<OutboxRow[]>`
    UPDATE outbox_items
       SET status = 'claimed', claimed_by = ${worker}, claimed_until = ${new Date(now.getTime() + CLAIM_LEASE_MS)}, attempts = attempts + 1
     WHERE id = ${id}::uuid
       AND ((status = 'pending' AND available_at <= ${now}) OR (status = 'claimed' AND claimed_until < ${now}))
 RETURNING id, workspace_id, kind, payload, attempts, available_at`;
  return rows[0] ? toItem(rows[0]) : null;
}

/** Claims up to `limit` due items, oldest first, skipping rows other workers hold (jobs:drain). */
export async function claimDue(worker: string, limit: number, now = new Date(), kinds: readonly OutboxKind[] = outboxKinds): Promise<OutboxItem[]> {
  const rows = await db().$queryRaw<OutboxRow[]>`
    UPDATE outbox_items
       SET status = 'claimed', claimed_by = ${worker}, claimed_until = ${new Date(now.getTime() + CLAIM_LEASE_MS)}, attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM outbox_items
        WHERE kind = ANY(${[...kinds]}::text[])
          AND ((status = 'pending' AND available_at <= ${now}) OR (status = 'claimed' AND claimed_until < ${now}))
        ORDER BY available_at, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
 RETURNING id, workspace_id, kind, payload, attempts, available_at`;
  return rows.map(toItem).sort((a, b) => a.availableAt.getTime() - b.availableAt.getTime());
}

export async function completeItem(id: string, worker: string): Promise<void> {
  await db().outboxItem.updateMany({
    where: { id, status: "claimed", claimedBy: worker },
    data: { status: "done", completedAt: new Date(), claimedUntil: null, lastError: null },
  });
}

/** Exponential backoff with a cap: 30 s, 1 min, 2 min ... 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * Releases a claimed item after a failure: back to pending after `retryAfterMs`
 * (a rate limit: not counted as an attempt) or the backoff, or `failed` for
 * good when `permanent` or out of attempts.
 * Returns the status it was left in.
 */
export async function failItem(
  item: Pick<OutboxItem, "id" | "attempts">,
  worker: string,
  error: { message: string; permanent?: boolean; retryAfterMs?: number },
  now = new Date(),
): Promise<"pending" | "failed"> {
  // Waiting out a rate limit is not a failed attempt: it never gives up on its own.
  const rateLimited = error.retryAfterMs !== undefined && error.permanent !== true;
  const giveUp = error.permanent === true || (!rateLimited && item.attempts >= MAX_ATTEMPTS);
  const status = giveUp ? "failed" : "pending";
  await db().outboxItem.updateMany({
    where: { id: item.id, status: "claimed", claimedBy: worker },
    data: {
      status,
      ...(rateLimited ? { attempts: { decrement: 1 } } : {}),
      lastError: error.message.slice(0, 2000),
      claimedUntil: null,
      claimedBy: null,
      availableAt: giveUp ? undefined : new Date(now.getTime() + (error.retryAfterMs ?? retryDelayMs(item.attempts))),
    },
  });
  return status;
}

/** A due item not picked up within this long means no background worker is running. */
export const OVERDUE_AFTER_MS = 30_000;

/**
 * Work that is due but not picked up, per kind: what the "12 leads waiting for
 * the background worker" notice counts. Empty when a worker keeps up.
 */
export async function overdueCounts(workspaceId: string, now = new Date()): Promise<Record<OutboxKind, number>> {
  const groups = await db().outboxItem.groupBy({
    by: ["kind"],
    where: { workspaceId, status: "pending", availableAt: { lt: new Date(now.getTime() - OVERDUE_AFTER_MS) } },
    _count: { _all: true },
  });
  const counts = Object.fromEntries(outboxKinds.map((kind) => [kind, 0])) as Record<OutboxKind, number>;
  for (const group of groups) counts[group.kind as OutboxKind] = group._count._all;
  return counts;
}
