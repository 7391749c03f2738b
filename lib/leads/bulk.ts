// Bulk actions on the review queue: reject with a reason, assign an owner, or
// approve the leads that need no look (no warning flag, high confidence), for
// the leads a reviewer ticked or for every lead matching the queue's filters.
// Each lead goes through the same review functions as one-by-one review (its
// own transaction, audit row and queued sync) tagged with the batch's id; the
// batch itself is one audit row listing what it changed, so the whole batch
// can be undone within the undo window. A lead that cannot take the action is
// skipped with the reason, never half-done.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase, type Phrase } from "@/lib/i18n/phrase";
import type { ReviewFlag } from "@/lib/extraction/types";
import { isOpenStatus, REJECT_REASONS } from "./lead-status";
import { listQueue, parseQueueQuery, resolveOwner } from "./queue";
import { confidenceLevel, leadConfidence } from "./queue-row";
import { approveProposal, rejectProposal, undoReview, undoWindow, UNDO_WINDOW_MS, type ReviewActor } from "./review";

/** The most leads one bulk action touches ("all matching" a broad filter asks to narrow it). */
export const MAX_BULK_LEADS = 1000;

/** Flags that only inform (the channel-verified WhatsApp number): they do not hold back a bulk approval. */
const INFORMATIONAL_FLAGS = new Set(["phone_from_whatsapp"]);

const selectionSchema = z.union([
  z.object({ ids: z.array(z.uuid()).min(1).max(MAX_BULK_LEADS) }).strict(),
  // The queue's filters, as its URL carries them; checked by the queue's own schema.
  z.object({ filter: z.record(z.string(), z.unknown()) }).strict(),
]);

export const bulkRequestSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("reject"), selection: selectionSchema, reason: z.enum(REJECT_REASONS), note: z.string().trim().max(1000).optional() }).strict()
    .refine((value) => value.reason !== "other" || Boolean(value.note), { path: ["note"], message: "say why when the reason is other" }),
  z.object({ action: z.literal("assign"), selection: selectionSchema, ownerId: z.uuid().nullable() }).strict(),
  z.object({ action: z.literal("approve"), selection: selectionSchema }).strict(),
]);
export type BulkRequest = z.infer<typeof bulkRequestSchema>;
type Selection = z.infer<typeof selectionSchema>;

export type BulkItem = { id: string; version: number; ownerBefore?: string | null };
export type BulkResult = {
  batchId: string;
  action: BulkRequest["action"];
  done: BulkItem[];
  /** Each skipped lead, why in English (`reason`) and as a phrase the dashboard words. */
  skipped: { id: string; name: string | null; reason: string; reasonPhrase: Phrase }[];
  undo: { until: string; remainingMs: number } | null;
};

/** The batch's audit action per bulk action. */
const BATCH_ACTIONS: Record<BulkRequest["action"], string> = { reject: "leads.bulk_rejected", assign: "leads.bulk_assigned", approve: "leads.bulk_approved" };

type Actor = ReviewActor & { viewerId: string | null };

const leadSelect = { id: true, name: true, status: true, version: true, qualifies: true, email: true, phone: true, validation: true, confidence: true, ownerId: true } as const;

/** The proposals a selection names, in this workspace (other workspaces' ids are simply not found). */
async function selectedIds(workspaceId: string, selection: Selection, viewerId: string | null): Promise<string[]> {
  if ("ids" in selection) return [...new Set(selection.ids)];
  const ids: string[] = [];
  let cursor: string | undefined;
  // Cursor and limit are the page, not the selection.
  const filter = resolveOwner(parseQueueQuery({ ...selection.filter, cursor: undefined, limit: undefined }), viewerId);
  do {
    const page = await listQueue(workspaceId, { ...filter, cursor, limit: 200 });
    for (const row of page.rows) if (row.proposal) ids.push(row.proposal.id);
    if (ids.length > MAX_BULK_LEADS) {
      throw new AppError("validation_failed", `More than ${MAX_BULK_LEADS} leads match this filter: narrow it, then try again.`, { errors: [{ path: "selection.filter", message: "matches too many leads" }] });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/** Why a lead cannot be approved in bulk, or null when it can. */
function bulkApprovalBlocker(lead: { status: string; qualifies: boolean; name: string | null; email: string | null; phone: string | null; validation: unknown; confidence: unknown }): Phrase | null {
  if (lead.status !== "proposed") return phrase("not_ready", "not ready to review");
  if (!lead.qualifies) return phrase("not_qualified", "missing a name or a valid way to reach them");
  const flags = ((lead.validation as { flags?: ReviewFlag[] } | null)?.flags ?? []).filter((flag) => !INFORMATIONAL_FLAGS.has(flag.code));
  if (flags.length > 0) return phrase("flagged", `flagged: ${flags[0]!.message}`, { flag: flags[0]!.code });
  if (confidenceLevel(leadConfidence(lead, lead.confidence)) !== "high") return phrase("confidence_not_high", "confidence is not high");
  return null;
}

/** A refused step as a skip reason: the problem's code (e.g. "duplicate_contact") and its message. */
function failure(error: unknown): Phrase {
  if (!(error instanceof AppError)) throw error;
  const code = typeof error.details?.code === "string" ? error.details.code : error.code;
  return phrase(code, error.message);
}

/** Runs one bulk action; every lead it changed is listed (with its new version) for the batch's undo. */
export async function runBulkAction(workspaceId: string, request: BulkRequest, actor: Actor, now = new Date()): Promise<BulkResult> {
  if (request.action === "assign" && request.ownerId) {
    const member = await db().membership.findFirst({ where: { workspaceId, userId: request.ownerId }, select: { id: true } });
    if (!member) throw new AppError("validation_failed", '"ownerId" is not valid: that person is not a member of this workspace.', { errors: [{ path: "ownerId", message: "not a member" }] });
  }
  const ids = await selectedIds(workspaceId, request.selection, actor.viewerId);
  const leads = await db().leadProposal.findMany({ where: { workspaceId, id: { in: ids } }, select: leadSelect });
  const batchId = randomUUID();
  const review = { workspaceId, actor: { actorType: actor.actorType, actorId: actor.actorId, actorLabel: actor.actorLabel }, now, batchId };
  const done: BulkItem[] = [];
  const skipped: BulkResult["skipped"] = [];
  for (const lead of leads) {
    const skip = (reason: Phrase) => skipped.push({ id: lead.id, name: lead.name, reason: reason.message, reasonPhrase: reason });
    if (request.action === "assign") {
      if (lead.ownerId === request.ownerId) continue;
      const updated = await assignOwner(workspaceId, lead, request.ownerId, review);
      if (updated) done.push({ id: lead.id, version: updated.version, ownerBefore: lead.ownerId });
      else skip(phrase("changed_meanwhile", "changed while the batch ran"));
      continue;
    }
    if (!isOpenStatus(lead.status)) {
      skip(phrase("already_reviewed", `already ${lead.status}`, { status: lead.status }));
      continue;
    }
    try {
      if (request.action === "reject") {
        const { proposal } = await rejectProposal({ ...review, proposalId: lead.id, expectedVersion: lead.version, rejection: { reason: request.reason, note: request.note } });
        done.push({ id: lead.id, version: proposal.version });
      } else {
        const blocker = bulkApprovalBlocker(lead);
        if (blocker) {
          skip(blocker);
          continue;
        }
        const { proposal } = await approveProposal({ ...review, proposalId: lead.id, expectedVersion: lead.version });
        done.push({ id: lead.id, version: proposal.version });
      }
    } catch (error) {
      skip(failure(error));
    }
  }
  await recordAuditEvent({
    ...review.actor,
    workspaceId,
    action: BATCH_ACTIONS[request.action],
    targetType: "lead_batch",
    targetId: batchId,
    after: {
      action: request.action,
      ...(request.action === "reject" ? { reason: request.reason, note: request.note ?? null } : {}),
      ...(request.action === "assign" ? { ownerId: request.ownerId } : {}),
      items: done,
      skipped: skipped.length,
    },
  });
  return { batchId, action: request.action, done, skipped, undo: done.length > 0 ? undoWindow(now, now) : null };
}

/** Sets a lead's owner if it is still the version read; audited. Null when it changed meanwhile. */
async function assignOwner(workspaceId: string, lead: { id: string; version: number; ownerId: string | null }, ownerId: string | null, review: { actor: ReviewActor; batchId?: string }) {
  return db().$transaction(async (tx) => {
    const { count } = await tx.leadProposal.updateMany({ where: { id: lead.id, workspaceId, version: lead.version }, data: { ownerId, version: { increment: 1 } } });
    if (count === 0) return null;
    await recordAuditEvent(
      { ...review.actor, workspaceId, action: "lead.assigned", targetType: "lead_proposal", targetId: lead.id, before: { ownerId: lead.ownerId }, after: { ownerId, ...(review.batchId ? { batchId: review.batchId } : {}) } },
      tx,
    );
    return { version: lead.version + 1 };
  });
}

export type BulkUndoResult = { batchId: string; undone: number; skipped: { id: string; reason: string; reasonPhrase: Phrase }[] };

/**
 * Undoes a bulk action within the undo window: each lead it changed goes back,
 * unless someone changed that lead since (then it is skipped and named).
 */
export async function undoBulkAction(workspaceId: string, batchId: string, actor: ReviewActor, now = new Date()): Promise<BulkUndoResult> {
  const batch = await db().auditEvent.findFirst({ where: { workspaceId, targetType: "lead_batch", targetId: batchId, action: { in: Object.values(BATCH_ACTIONS) } }, select: { after: true, createdAt: true } });
  if (!batch) throw new AppError("not_found", "Bulk action not found");
  const undone = await db().auditEvent.count({ where: { workspaceId, targetType: "lead_batch", targetId: batchId, action: "leads.bulk_undone" } });
  if (undone > 0) throw new AppError("conflict", "This bulk action was already undone.");
  if (now.getTime() - batch.createdAt.getTime() > UNDO_WINDOW_MS) throw new AppError("conflict", `The undo window (${UNDO_WINDOW_MS / 1000} s) has passed.`);
  const after = batch.after as { action: BulkRequest["action"]; items: BulkItem[]; ownerId?: string | null };
  const skipped: BulkUndoResult["skipped"] = [];
  let count = 0;
  for (const item of after.items) {
    try {
      if (after.action === "assign") {
        const restored = await assignOwner(workspaceId, { id: item.id, version: item.version, ownerId: after.ownerId ?? null }, item.ownerBefore ?? null, { actor, batchId });
        if (!restored) throw new AppError("conflict", "changed since the bulk action", { code: "changed_meanwhile" });
      } else {
        await undoReview({ workspaceId, proposalId: item.id, expectedVersion: item.version, actor, now, batchId });
      }
      count += 1;
    } catch (error) {
      const reason = failure(error);
      skipped.push({ id: item.id, reason: reason.message, reasonPhrase: reason });
    }
  }
  await recordAuditEvent({ ...actor, workspaceId, action: "leads.bulk_undone", targetType: "lead_batch", targetId: batchId, after: { undone: count, skipped: skipped.length } });
  return { batchId, undone: count, skipped };
}

