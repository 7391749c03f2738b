// Transaction-scoped advisory locks: serialize work on one key (a contact's
// messages, a conversation's follow-up, the first demo seed, a phone-only CRM
// contact) across processes. Released when the transaction ends.
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
  return db().$transaction(
    async (tx) => {
      await lockForTransaction(tx, key);
      return work();
    },
    { maxWait: timeoutMs, timeout: timeoutMs },
  );
}
