// A follow-up's life after its lead is approved: scheduled (inside the
// approval's transaction, with a `follow_up_due` outbox item due at its time),
// rescheduled or cancelled by people. A done follow-up has its CRM task and
// cannot change. The outbox item is replaced, not moved, on reschedule: a run
// already sent for the old item then finds it gone and stops, and the new item
// is sent as its own event once due.
import { db, Prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { lockForTransaction } from "@/lib/db/locks";
import { followUpDueJob } from "@/lib/jobs/follow-up-due";
import { followUpLockKey } from "./propose-for-conversation";

type Tx = Prisma.TransactionClient;

export type ScheduledFollowUp = { followUpId: string; dueAt: Date; outboxItemId: string };

/** A follow-up's outbox work is keyed by the follow-up's id. */
const dueWork = (tx: Tx, followUp: { id: string; workspaceId: string; conversationId: string; dueAt: Date }) =>
  followUpDueJob.enqueue(tx, { followUpId: followUp.id, conversationId: followUp.conversationId }, {
    workspaceId: followUp.workspaceId,
    availableAt: followUp.dueAt,
    dedupeKey: followUp.id,
  });

/** Two open follow-ups of one contact closer than this are one moment: a merge keeps only the first. */
export const SAME_MOMENT_MS = 60 * 60_000;

export const SAME_MOMENT_REASON = "the contact already has a follow-up at this time";

/**
 * Called by the approval code INSIDE its transaction: the conversation's
 * proposed follow-up becomes `scheduled` for the approved contact, and its
 * due work is queued for its due time. Null when nothing was proposed, or when
 * the contact (a merge) already has a follow-up within the same hour: then
 * this one is cancelled with that reason, so one person gets one call.
 */
export async function scheduleFollowUpForApprovedLead(
  tx: Prisma.TransactionClient,
  { workspaceId, conversationId, contactId }: { workspaceId: string; conversationId: string; contactId: string },
): Promise<ScheduledFollowUp | null> {
  await lockForTransaction(tx, followUpLockKey(conversationId));
  const proposed = await tx.followUp.findFirst({
    where: { workspaceId, conversationId, status: "proposed" },
    orderBy: { createdAt: "desc" },
    select: { id: true, dueAt: true },
  });
  if (!proposed) return null;
  await lockForTransaction(tx, `follow-up-contact:${contactId}`);
  const sameMoment = await tx.followUp.findFirst({
    where: {
      workspaceId,
      contactId,
      status: "scheduled",
      id: { not: proposed.id },
      dueAt: { gt: new Date(proposed.dueAt.getTime() - SAME_MOMENT_MS), lt: new Date(proposed.dueAt.getTime() + SAME_MOMENT_MS) },
    },
    select: { id: true },
  });
  if (sameMoment) {
    await tx.followUp.update({ where: { id: proposed.id }, data: { status: "cancelled", contactId, cancelReason: SAME_MOMENT_REASON, cancelledAt: new Date() } });
    return null;
  }
  const scheduled = await tx.followUp.update({
    where: { id: proposed.id },
    data: { status: "scheduled", contactId, scheduledAt: new Date() },
    select: { id: true, workspaceId: true, conversationId: true, dueAt: true },
  });
  const item = await dueWork(tx, scheduled);
  return { followUpId: scheduled.id, dueAt: scheduled.dueAt, outboxItemId: item.id };
}

type Editable = { id: string; workspaceId: string; conversationId: string; status: string; dueAt: Date };

/** Locks the follow-up row for a person's change; 404 outside the workspace, 409 once done. */
async function lockForChange(tx: Tx, workspaceId: string, followUpId: string, change: string): Promise<Editable> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM follow_ups WHERE id = ${followUpId}::uuid AND workspace_id = ${workspaceId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw notFound("Follow-up");
  const followUp = await tx.followUp.findUniqueOrThrow({
    where: { id: followUpId },
    select: { id: true, workspaceId: true, conversationId: true, status: true, dueAt: true },
  });
  if (followUp.status === "done") throw new AppError("conflict", `This follow-up is done (its CRM task exists) and cannot be ${change}.`);
  const running = await tx.outboxItem.count({ where: { kind: "follow_up_due", dedupeKey: followUpId, status: "claimed" } });
  if (running > 0) throw new AppError("conflict", `This follow-up's CRM task is being created right now; it cannot be ${change}.`);
  return followUp;
}

const dropPendingWork = (tx: Tx, followUpId: string) =>
  tx.outboxItem.deleteMany({ where: { kind: "follow_up_due", dedupeKey: followUpId, status: "pending" } });

export type FollowUpChange = { id: string; status: string; dueAt: Date; cancelReason: string | null };

const changeSelect = { id: true, status: true, dueAt: true, cancelReason: true } as const;

/**
 * Moves a proposed, scheduled or failed follow-up to `dueAt`; a scheduled one's
 * due work moves with it, and a failed one is scheduled again (a new try).
 */
export async function rescheduleFollowUp(workspaceId: string, followUpId: string, dueAt: Date): Promise<FollowUpChange> {
  if (Number.isNaN(dueAt.getTime())) throw new AppError("validation_failed", "The new due time is not a valid date.");
  return db().$transaction(async (tx) => {
    const followUp = await lockForChange(tx, workspaceId, followUpId, "rescheduled");
    if (followUp.status === "cancelled") throw new AppError("conflict", "This follow-up was cancelled; it cannot be rescheduled.");
    const retry = followUp.status === "failed" ? { status: "scheduled", failureReason: null } : {};
    const updated = await tx.followUp.update({ where: { id: followUpId }, data: { dueAt, ...retry }, select: { ...changeSelect, workspaceId: true, conversationId: true } });
    if (updated.status === "scheduled") {
      await dropPendingWork(tx, followUpId);
      await dueWork(tx, updated);
    }
    return { id: updated.id, status: updated.status, dueAt: updated.dueAt, cancelReason: updated.cancelReason };
  });
}

/** Cancels a proposed or scheduled follow-up with the reason people will see; cancelling twice is harmless. */
export async function cancelFollowUp(workspaceId: string, followUpId: string, reason: string): Promise<FollowUpChange> {
  return db().$transaction(async (tx) => {
    const followUp = await lockForChange(tx, workspaceId, followUpId, "cancelled");
    if (followUp.status !== "cancelled") {
      await tx.followUp.update({ where: { id: followUpId }, data: { status: "cancelled", cancelReason: reason, cancelledAt: new Date() } });
    }
    await dropPendingWork(tx, followUpId);
    return tx.followUp.findUniqueOrThrow({ where: { id: followUpId }, select: changeSelect });
  });
}

/**
 * Undoing an approval (inside its transaction): the conversation's scheduled
 * follow-ups go back to proposed and their queued due work is dropped.
 */
export async function unscheduleFollowUpsOfConversation(tx: Tx, conversationId: string): Promise<void> {
  await lockForTransaction(tx, followUpLockKey(conversationId));
  const scheduled = await tx.followUp.findMany({ where: { conversationId, status: "scheduled" }, select: { id: true } });
  for (const { id } of scheduled) await dropPendingWork(tx, id);
  await tx.followUp.updateMany({ where: { conversationId, status: "scheduled" }, data: { status: "proposed", contactId: null, scheduledAt: null } });
}
