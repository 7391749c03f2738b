// Transaction-scoped advisory locks: serialize work on one key (a contact's
// messages, a conversation's follow-up, the first demo seed) across processes.
// Released when the transaction ends.
import type { Prisma } from "@/lib/generated/prisma/client";

export async function lockForTransaction(tx: Pick<Prisma.TransactionClient, "$executeRaw">, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}
