// The work of a follow-up when it is due (the follow-up Inngest function and
// jobs:drain both call runDueFollowUp): cancel it when the prospect wrote after
// it was scheduled (the authoritative check; ingestion cancels it at once as
// a shortcut), else apply WhatsApp's rules at that moment and create the CRM task
// on the contact the lead's sync linked, then mark it done with the task's id.
// Safe to repeat: a done or cancelled follow-up is left as it is, and every CRM
// keys tasks by follow-up id. While the lead's sync has not linked it yet, each
// look counts as an attempt: the job gives up after its last one and the
// follow-up shows as failed with the reason (a reschedule tries again).
import { z } from "zod";
import { crmAdapterFor } from "@/lib/crm/adapters";
import { db, type Prisma, type PrismaClient } from "@/lib/db/client";
import { isOptedOut } from "@/lib/ingest/opt-outs";
import { PermanentFailure, RetryLater } from "@/lib/jobs/failures";
import { dueTask } from "./due-task";

export const PROSPECT_REPLIED_FIRST = "prospect replied first";

export type DueFollowUpResult =
  | { status: "done"; crmTaskId: string }
  | { status: "cancelled"; reason: string }
  | { status: "skipped"; reason: string };

const followUpSelect = {
  id: true,
  workspaceId: true,
  conversationId: true,
  status: true,
  dueAt: true,
  timezone: true,
  channel: true,
  reason: true,
  tone: true,
  rule: true,
  signal: true,
  signalMessageId: true,
  scheduledAt: true,
  crmTaskId: true,
  cancelReason: true,
  contact: { select: { name: true, email: true, phoneE164: true } },
  conversation: { select: { contactWaId: true, lastUserMessageAt: true, leadProposal: { select: { syncStatus: true, syncError: true, owner: { select: { id: true, email: true } } } } } },
} as const;

/** Marks a scheduled follow-up cancelled; false when it was no longer scheduled. */
async function cancelScheduled(followUpId: string, reason: string): Promise<boolean> {
  const { count } = await db().followUp.updateMany({
    where: { id: followUpId, status: "scheduled" },
    data: { status: "cancelled", cancelReason: reason, cancelledAt: new Date() },
  });
  return count > 0;
}

export async function runDueFollowUp(followUpId: string, now: Date): Promise<DueFollowUpResult> {
  if (!z.uuid().safeParse(followUpId).success) throw new PermanentFailure(`Follow-up id ${JSON.stringify(followUpId)} is not valid.`);
  const followUp = await db().followUp.findUnique({ where: { id: followUpId }, select: followUpSelect });
  if (!followUp) return { status: "skipped", reason: "the follow-up no longer exists" };
  if (followUp.status === "done" && followUp.crmTaskId) return { status: "done", crmTaskId: followUp.crmTaskId };
  if (followUp.status === "cancelled") return { status: "cancelled", reason: followUp.cancelReason ?? "cancelled" };
  if (followUp.status !== "scheduled") return { status: "skipped", reason: `the follow-up is ${followUp.status}, not scheduled` };
  if (followUp.dueAt > now) throw new RetryLater(`Follow-up ${followUpId} is due at ${followUp.dueAt.toISOString()}.`, followUp.dueAt.getTime() - now.getTime());

  const { conversation, contact } = followUp;
  const scheduledAt = followUp.scheduledAt ?? followUp.dueAt;
  if (conversation.lastUserMessageAt && conversation.lastUserMessageAt > scheduledAt) {
    await cancelScheduled(followUpId, PROSPECT_REPLIED_FIRST);
    return { status: "cancelled", reason: PROSPECT_REPLIED_FIRST };
  }

  const outcome = dueTask(followUp, {
    now,
    optedOut: await isOptedOut(followUp.workspaceId, conversation.contactWaId),
    lastProspectMessageAt: conversation.lastUserMessageAt,
    contactName: contact?.name ?? null,
    hasEmail: Boolean(contact?.email),
    hasPhone: Boolean(contact?.phoneE164 ?? conversation.contactWaId),
  });
  if (outcome.kind === "cancel") {
    await cancelScheduled(followUpId, outcome.reason);
    return { status: "cancelled", reason: outcome.reason };
  }

  const adapter = await crmAdapterFor(followUp.workspaceId);
  const link = await db().crmLink.findUnique({
    where: { conversationId_crmSystem_crmAccount: { conversationId: followUp.conversationId, crmSystem: adapter.system, crmAccount: adapter.accountKey } },
    select: { crmContactId: true },
  });
  if (!link) {
    const sync = conversation.leadProposal;
    if (sync?.syncStatus === "failed") throw new PermanentFailure(`The lead never reached the CRM (${sync.syncError ?? "sync failed"}); fix the sync, then reschedule this follow-up.`);
    // Counted (a plain failure, retried with backoff), so it cannot wait forever.
    throw new Error("The lead is not in the CRM yet (its sync has not linked it); the task is created once it does.");
  }

  // The lead's owner gets the task (HubSpot: their HubSpot user, by email).
  const owner = conversation.leadProposal?.owner;
  const { crmTaskId } = await adapter.createTask({ ...outcome.task, crmContactId: link.crmContactId, owner: owner ? { userId: owner.id, email: owner.email } : null });
  await db().followUp.updateMany({
    where: { id: followUpId, status: "scheduled" },
    data: { status: "done", crmTaskId, doneAt: now, channel: outcome.channel, templateRequired: outcome.templateRequired },
  });
  return { status: "done", crmTaskId };
}

/** The follow-up's task could not be created: shown on the Follow-ups page; a reschedule tries again. */
export async function recordFollowUpGaveUp(followUpId: string, reason: string): Promise<void> {
  await db().followUp.updateMany({ where: { id: followUpId, status: "scheduled" }, data: { status: "failed", failureReason: reason } });
}

/**
 * After prospects' messages: cancels these conversations' scheduled follow-ups
 * scheduled before the prospect's latest message, and drops their pending
 * work, so the page shows it at once. Ingestion runs it in the transaction
 * that stores the messages; runDueFollowUp checks again when one is due.
 */
export async function cancelFollowUpsAnsweredByProspect(conversationIds: readonly string[], tx: Prisma.TransactionClient | PrismaClient = db()): Promise<number> {
  if (conversationIds.length === 0) return 0;
  const answered = await tx.$queryRaw<{ id: string }[]>`
    UPDATE follow_ups f
       SET status = 'cancelled', cancel_reason = ${PROSPECT_REPLIED_FIRST}, cancelled_at = now(), updated_at = now()
      FROM conversations c
     WHERE c.id = f.conversation_id AND f.conversation_id = ANY(${[...conversationIds]}::uuid[])
       AND f.status = 'scheduled' AND f.scheduled_at < c.last_user_message_at
 RETURNING f.id`;
  if (answered.length === 0) return 0;
  await tx.outboxItem.deleteMany({ where: { kind: "follow_up_due", dedupeKey: { in: answered.map((row) => row.id) }, status: "pending" } });
  return answered.length;
}
