// Writes AuditEvent rows: who did what to which record, with before and after.
import { db, Prisma } from "@/lib/db/client";

export type AuditEntry = {
  workspaceId: string;
  actorType: "user" | "api_key" | "system";
  actorId?: string | null;
  actorLabel?: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

type Writer = Pick<Prisma.TransactionClient, "auditEvent">;

/** Records one event, inside the caller's transaction when one is given. */
export async function recordAuditEvent(entry: AuditEntry, tx: Writer = db()): Promise<void> {
  await tx.auditEvent.create({
    data: {
      workspaceId: entry.workspaceId,
      actorType: entry.actorType,
      actorId: entry.actorId ?? null,
      actorLabel: entry.actorLabel ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      before: entry.before,
      after: entry.after,
    },
  });
}

export async function recordAuditEvents(entries: AuditEntry[], tx: Writer = db()): Promise<void> {
  for (const entry of entries) await recordAuditEvent(entry, tx);
}

/** Recent events of one workspace, newest first (admins' audit view and tests). */
export async function listAuditEvents(workspaceId: string, options: { action?: string; take?: number } = {}) {
  return db().auditEvent.findMany({
    where: { workspaceId, ...(options.action ? { action: options.action } : {}) },
    orderBy: { createdAt: "desc" },
    take: options.take ?? 100,
    select: { id: true, actorType: true, actorId: true, actorLabel: true, action: true, targetType: true, targetId: true, before: true, after: true, createdAt: true },
  });
}
