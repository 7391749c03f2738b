// The transactional outbox: the store of background work. An item is written
// in the same transaction as the change that asks for it, so nothing is lost
// while no runner is reachable. Runners claim items under a short lease, renew
// it while they work (heartbeat), check it before every side effect (fencing),
// and end each item done, pending again (a retry) or failed. An expired lease
// (a runner died) hands the item back. This module knows no job kinds: what an
// item means is lib/jobs' business.
import pg from "pg";
import { db, Prisma, type PrismaClient } from "@/lib/db/client";
import { databaseUrl } from "@/lib/env";
import { logger } from "@/lib/log";

export type OutboxItem = {
  id: string;
  workspaceId: string | null;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  availableAt: Date;
};

type Tx = Prisma.TransactionClient | PrismaClient;

/** How long a claim protects an item without a heartbeat before another runner may take it back. */
export const CLAIM_LEASE_MS = 30_000;
/** Default attempts before an item is given up on (a job may choose its own). */
export const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * Adds work. With a `dedupeKey`, a pending item of the same kind and key is
 * updated instead (its payload replaced and its time moved): repeated requests,
 * like new messages arriving in a conversation, collapse into one piece of work.
 */
export async function enqueue(
  tx: Tx,
  item: { workspaceId: string | null; kind: string; payload: Record<string, unknown>; dedupeKey?: string; availableAt?: Date; maxAttempts?: number },
): Promise<{ id: string }> {
  const availableAt = item.availableAt ?? new Date();
  const payload = item.payload as Prisma.InputJsonValue;
  if (item.dedupeKey) {
    const pending = await tx.outboxItem.findFirst({
      where: { kind: item.kind, dedupeKey: item.dedupeKey, status: "pending" },
      select: { id: true },
    });
    if (pending) {
      // A run already sent for it re-reads the time and waits; nothing to resend.
      await tx.outboxItem.update({ where: { id: pending.id }, data: { payload, availableAt } });
      return pending;
    }
  }
  return tx.outboxItem.create({
    data: {
      workspaceId: item.workspaceId,
      kind: item.kind,
      payload,
      dedupeKey: item.dedupeKey ?? null,
      availableAt,
      maxAttempts: item.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    },
    select: { id: true },
  });
}

export type NewItem = { workspaceId: string | null; payload: Record<string, unknown>; dedupeKey?: string; availableAt?: Date };

/**
 * Adds many items of one kind in two statements, as `enqueue` adds one: an
 * item whose `dedupeKey` is pending already is updated (payload, time), the
 * others are inserted. For writers that ask for work in bulk (a batch of
 * deliveries asking to extract each conversation it touched).
 */
export async function enqueueMany(tx: Tx, kind: string, items: readonly NewItem[], maxAttempts = DEFAULT_MAX_ATTEMPTS): Promise<void> {
  if (items.length === 0) return;
  // One request per key: the last one wins, as it would one call at a time.
  const byKey = new Map<string, NewItem>();
  const unkeyed: NewItem[] = [];
  for (const item of items) {
    if (item.dedupeKey === undefined) unkeyed.push(item);
    else byKey.set(item.dedupeKey, item);
  }
  const wanted = [...byKey.values(), ...unkeyed];
  const now = new Date();
  await tx.$executeRaw`
    WITH wanted AS (
      SELECT * FROM unnest(${wanted.map((item) => item.workspaceId)}::uuid[], ${wanted.map((item) => JSON.stringify(item.payload))}::jsonb[],
                           ${wanted.map((item) => item.dedupeKey ?? null)}::text[], ${wanted.map((item) => item.availableAt ?? now)}::timestamptz[])
          AS w(workspace_id, payload, dedupe_key, available_at)),
    moved AS (
      UPDATE outbox_items o SET payload = w.payload, available_at = w.available_at
        FROM wanted w
       WHERE o.kind = ${kind} AND o.status = 'pending' AND o.dedupe_key = w.dedupe_key
   RETURNING o.dedupe_key)
    INSERT INTO outbox_items (id, workspace_id, kind, payload, dedupe_key, available_at, max_attempts)
    SELECT gen_random_uuid(), w.workspace_id, ${kind}, w.payload, w.dedupe_key, w.available_at, ${maxAttempts}
      FROM wanted w
     WHERE w.dedupe_key IS NULL OR w.dedupe_key NOT IN (SELECT dedupe_key FROM moved)`;
}

/** The channel runners LISTEN on to hear of work due now (see enqueueOnceCte). */
export const NEW_WORK_CHANNEL = "leadbridge_new_work";

/**
 * A data-modifying WITH clause named `name` that adds a pending item of
 * `kind`, due now, unless one keyed `dedupeKey` is pending already, and tells
 * listening runners (NOTIFY) when it added one; it returns the added row.
 * For a wake-up many writers ask for at once (every webhook delivery asks for
 * the inbox to be processed): the check and the insert are one statement
 * with the writer's own, and nobody waits on a lock. Two writers racing may
 * both add one, so the work it asks for must tolerate running twice.
 */
export function enqueueOnceCte(name: string, item: { kind: string; dedupeKey: string; payload?: Record<string, unknown>; maxAttempts?: number }): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(name)} AS (
    INSERT INTO outbox_items (id, kind, payload, dedupe_key, available_at, max_attempts)
    SELECT gen_random_uuid(), ${item.kind}, ${JSON.stringify(item.payload ?? {})}::jsonb, ${item.dedupeKey}, now(), ${item.maxAttempts ?? DEFAULT_MAX_ATTEMPTS}
     WHERE NOT EXISTS (SELECT 1 FROM outbox_items WHERE kind = ${item.kind} AND dedupe_key = ${item.dedupeKey} AND status = 'pending')
 RETURNING id, pg_notify(${NEW_WORK_CHANNEL}, ${item.kind}))`;
}

/** Adds that pending item (see enqueueOnceCte) on its own; true when it added one. */
export async function enqueueOnce(tx: Tx, item: Parameters<typeof enqueueOnceCte>[1]): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ added: number }[]>`WITH ${enqueueOnceCte("added_item", item)} SELECT count(*)::int AS added FROM added_item`;
  return (row?.added ?? 0) > 0;
}

/**
 * Calls `onNewWork` whenever work due now is announced on NEW_WORK_CHANNEL,
 * through a connection of its own. A runner that polls uses it to start its
 * next pass at once instead of at the next poll. Best effort: when the
 * connection fails it says so through `alive()`, and the caller polls.
 */
export async function listenForNewWork(onNewWork: () => void): Promise<{ alive(): boolean; close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  let alive = true;
  const lost = (error?: Error) => {
    if (alive && error) logger.warn({ err: error, area: "jobs" }, "lost the connection that hears of new work; polling");
    alive = false;
  };
  client.on("error", lost);
  client.on("end", () => lost());
  client.on("notification", () => onNewWork());
  await client.connect();
  await client.query(`LISTEN ${NEW_WORK_CHANNEL}`);
  return {
    alive: () => alive,
    close: async () => {
      alive = false;
      await client.end().catch(() => {});
    },
  };
}

type OutboxRow = {
  id: string;
  workspace_id: string | null;
  kind: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  available_at: Date;
};

const RETURNED = "id, workspace_id, kind, payload, attempts, max_attempts, available_at";

const toItem = (row: OutboxRow): OutboxItem => ({
  id: row.id,
  workspaceId: row.workspace_id,
  kind: row.kind,
  payload: row.payload,
  attempts: row.attempts,
  maxAttempts: row.max_attempts,
  availableAt: row.available_at,
});

const leaseEnd = (now: Date) => new Date(now.getTime() + CLAIM_LEASE_MS);

/**
 * Claims these items for `worker` when they are due and pending (an Inngest
 * run claims the items of its events). Claiming again under the same worker
 * returns what it already holds without counting another attempt, so a claim
 * whose answer was lost can be repeated.
 */
export async function claimItems(ids: readonly string[], worker: string, now = new Date()): Promise<OutboxItem[]> {
  if (ids.length === 0) return [];
  const rows = await db().$queryRawUnsafe<OutboxRow[]>(
    `UPDATE outbox_items
        SET attempts = CASE WHEN status = 'pending' THEN attempts + 1 ELSE attempts END,
            status = 'claimed', claimed_by = $2, claimed_until = $3
      WHERE id = ANY($1::uuid[])
        AND ((status = 'pending' AND available_at <= $4) OR (status = 'claimed' AND claimed_by = $2))
  RETURNING ${RETURNED}`,
    [...ids],
    worker,
    leaseEnd(now),
    now,
  );
  return rows.map(toItem).sort((a, b) => a.availableAt.getTime() - b.availableAt.getTime() || a.id.localeCompare(b.id));
}

/**
 * Claims the item that became due first among `kinds`, and with it (for kinds
 * worked in batches) up to `batchSizes[kind] - 1` more due items of the same
 * kind and workspace. Rows other runners are claiming are skipped. Empty when
 * nothing is due.
 */
export async function claimNextDue(
  worker: string,
  now: Date,
  kinds: readonly string[],
  batchSizes: Readonly<Record<string, number>> = {},
): Promise<OutboxItem[]> {
  return db().$transaction(async (tx) => {
    const [first] = await tx.$queryRaw<{ id: string; kind: string; workspace_id: string | null }[]>`
      SELECT id, kind, workspace_id FROM outbox_items
       WHERE status = 'pending' AND available_at <= ${now} AND kind = ANY(${[...kinds]}::text[])
       ORDER BY available_at, id
       LIMIT 1
         FOR UPDATE SKIP LOCKED`;
    if (!first) return [];
    const size = Math.max(1, batchSizes[first.kind] ?? 1);
    const rows = await tx.$queryRawUnsafe<OutboxRow[]>(
      `UPDATE outbox_items
          SET status = 'claimed', claimed_by = $1, claimed_until = $2, attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM outbox_items
           WHERE id = $3::uuid
              OR (kind = $4 AND workspace_id IS NOT DISTINCT FROM $5::uuid AND status = 'pending' AND available_at <= $6 AND $7 > 1)
           ORDER BY (id = $3::uuid) DESC, available_at, id
           LIMIT $7
             FOR UPDATE SKIP LOCKED)
    RETURNING ${RETURNED}`,
      worker,
      leaseEnd(now),
      first.id,
      first.kind,
      first.workspace_id,
      now,
      size,
    );
    return rows.map(toItem).sort((a, b) => a.availableAt.getTime() - b.availableAt.getTime() || a.id.localeCompare(b.id));
  });
}

/**
 * Renews the lease on these items and returns the ids `worker` still holds:
 * the heartbeat, and the fencing check before a side effect (an id missing
 * from the answer was taken back, and its work is someone else's now).
 */
export async function renewClaims(ids: readonly string[], worker: string, now = new Date()): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db().$queryRaw<{ id: string }[]>`
    UPDATE outbox_items SET claimed_until = ${leaseEnd(now)}
     WHERE id = ANY(${[...ids]}::uuid[]) AND status = 'claimed' AND claimed_by = ${worker}
 RETURNING id`;
  return new Set(rows.map((row) => row.id));
}

/** Marks a held item done; false when `worker` no longer held it. */
export async function completeItem(id: string, worker: string, now = new Date()): Promise<boolean> {
  return (await completeItems([id], worker, now)) === 1;
}

/** Marks many held items done in one statement; returns how many `worker` still held. */
export async function completeItems(ids: readonly string[], worker: string, now = new Date()): Promise<number> {
  const { count } = await db().outboxItem.updateMany({
    where: { id: { in: [...ids] }, status: "claimed", claimedBy: worker },
    data: { status: "done", completedAt: now, claimedUntil: null, lastError: null },
  });
  return count;
}

/** What becomes of a held item after a failure: pending again at `availableAt`, or failed for good. */
export type Release =
  | { status: "pending"; availableAt: Date; attemptCounted: boolean; error: string }
  | { status: "failed"; error: string };

/** Releases a held item as decided; false when `worker` no longer held it. */
export async function releaseItem(id: string, worker: string, release: Release): Promise<boolean> {
  const { count } = await db().outboxItem.updateMany({
    where: { id, status: "claimed", claimedBy: worker },
    data: {
      status: release.status,
      lastError: release.error.slice(0, 2000),
      claimedBy: null,
      claimedUntil: null,
      ...(release.status === "pending"
        ? { availableAt: release.availableAt, dispatchedAt: null, ...(release.attemptCounted ? {} : { attempts: { decrement: 1 } }) }
        : { completedAt: new Date() }),
    },
  });
  return count === 1;
}

/**
 * Takes back items whose lease ran out (their runner died or stalled): pending
 * again and due now, or failed when that was their last attempt. Returns the
 * items it failed, for the caller to show why.
 */
export async function takeBackExpiredClaims(now: Date, reason: string): Promise<OutboxItem[]> {
  const rows = await db().$queryRawUnsafe<(OutboxRow & { status: string })[]>(
    `UPDATE outbox_items
        SET status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'pending' END,
            completed_at = CASE WHEN attempts >= max_attempts THEN $1 ELSE NULL END,
            available_at = CASE WHEN attempts >= max_attempts THEN available_at ELSE $1 END,
            claimed_by = NULL, claimed_until = NULL, dispatched_at = NULL, last_error = $2
      WHERE status = 'claimed' AND claimed_until < $1
  RETURNING ${RETURNED}, status`,
    now,
    reason,
  );
  return rows.filter((row) => row.status === "failed").map(toItem);
}

/** The items `worker` still holds (an Inngest run that failed or was cancelled). */
export async function itemsClaimedBy(worker: string): Promise<OutboxItem[]> {
  const rows = await db().$queryRawUnsafe<OutboxRow[]>(
    `SELECT ${RETURNED} FROM outbox_items WHERE claimed_by = $1 AND status = 'claimed'`,
    worker,
  );
  return rows.map(toItem);
}

/** When the earliest retry (a pending item that failed before) of these kinds is due; null when there is none. */
export async function earliestRetryDue(kinds: readonly string[]): Promise<Date | null> {
  const row = await db().outboxItem.aggregate({ where: { status: "pending", lastError: { not: null }, kind: { in: [...kinds] } }, _min: { availableAt: true } });
  return row._min.availableAt;
}

/** When the earliest lease among held items ends; null when nothing is claimed. */
export async function earliestLeaseEnd(kinds: readonly string[]): Promise<Date | null> {
  const row = await db().outboxItem.aggregate({ where: { status: "claimed", kind: { in: [...kinds] } }, _min: { claimedUntil: true } });
  return row._min.claimedUntil;
}

export type DispatchableItem = OutboxItem & { dispatchCount: number };

/** Pending items due by `dueBy`, earliest first, not yet sent or sent before `resendBefore` and still not taken. */
export async function itemsToDispatch(options: { dueBy: Date; resendBefore: Date; limit: number }): Promise<DispatchableItem[]> {
  const rows = await db().$queryRawUnsafe<(OutboxRow & { dispatch_count: number })[]>(
    `SELECT ${RETURNED}, dispatch_count FROM outbox_items
      WHERE status = 'pending' AND available_at <= $1
        AND (dispatched_at IS NULL OR (dispatched_at < $2 AND available_at < $2))
      ORDER BY available_at, id
      LIMIT $3`,
    options.dueBy,
    options.resendBefore,
    options.limit,
  );
  return rows.map((row) => ({ ...toItem(row), dispatchCount: row.dispatch_count }));
}

/** Records a send: the next send of these items will use a new event id. */
export async function markDispatched(ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db().outboxItem.updateMany({ where: { id: { in: [...ids] } }, data: { dispatchedAt: now, dispatchCount: { increment: 1 } } });
}

/** Hands items back to dispatch (a run found them not yet due): they are sent again once due. */
export async function markUndispatched(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db().outboxItem.updateMany({ where: { id: { in: [...ids] }, status: "pending" }, data: { dispatchedAt: null } });
}

/** When each of these items became due, for those still pending. */
export async function pendingDueTimes(ids: readonly string[]): Promise<Date[]> {
  const rows = await db().outboxItem.findMany({ where: { id: { in: [...ids] }, status: "pending" }, select: { availableAt: true } });
  return rows.map((row) => row.availableAt);
}

/** A due item not picked up within this long means no background worker is running. */
export const OVERDUE_AFTER_MS = 30_000;

/**
 * Work that is due but not picked up, per kind: what the "12 leads waiting for
 * the background worker" notice counts. Kinds with none are absent.
 */
export async function overdueCounts(workspaceId: string, now = new Date()): Promise<Record<string, number>> {
  const groups = await db().outboxItem.groupBy({
    by: ["kind"],
    where: { workspaceId, status: "pending", availableAt: { lt: new Date(now.getTime() - OVERDUE_AFTER_MS) } },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((group) => [group.kind, group._count._all]));
}
