// Transaction-scoped advisory locks: serialize work on one key (a contact's
// messages, a conversation's follow-up, the first demo seed, a phone-only CRM
// contact) or on many at once (a batch of CRM notes) across processes.
// Released when the transaction ends.
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";

export async function lockForTransaction(tx: Pick<Prisma.TransactionClient, "$executeRaw">, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

/**
 * Runs `work` while holding the lock on `key`, for work outside the database
 * (a vendor's calls): a transaction holds the lock, and one pooled connection,
 * until `work` ends. Keep such work short and rare.
 */
export async function withAdvisoryLock<T>(key: string, work: () => Promise<T>, timeoutMs = 120_000): Promise<T> {
  return withAdvisoryLocks([key], work, timeoutMs);
}

/**
 * As withAdvisoryLock, holding the locks on every key. They are taken in the
 * order of their lock numbers, the same order in every process, so two holders
 * of overlapping sets never wait on each other in a circle.
 */
export async function withAdvisoryLocks<T>(keys: readonly string[], work: () => Promise<T>, timeoutMs = 120_000): Promise<T> {
  return db().$transaction(
    async (tx) => {
      // One statement: the sorted subquery feeds the lock calls in its order.
      await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(lock))::int AS locked
        FROM (SELECT DISTINCT hashtext(key) AS lock FROM unnest(${[...keys]}::text[]) AS key ORDER BY lock) AS locks`;
      return work();
    },
    { maxWait: timeoutMs, timeout: timeoutMs },
  );
}
