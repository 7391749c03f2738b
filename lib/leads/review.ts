// What reviewers do with a proposed lead: approve it (optionally edited) as a
// new contact, merge it into an existing contact choosing per field which value
// wins, reject it with a reason, or undo any of these within a short window
// before the CRM sync starts. Every action checks the version the reviewer saw
// (a stale screen gets a 409 naming who changed it), writes the audit log, and
// queues the CRM sync in the same transaction.
import { isUniqueViolation } from "@/lib/db/errors";
import { z } from "zod";
import { recordAuditEvent, type AuditEntry } from "@/lib/audit/record";
import { db, Prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { scheduleFollowUpForApprovedLead, unscheduleFollowUpsOfConversation } from "@/lib/followups/schedule";
import type { ReviewFlag } from "@/lib/extraction/types";
import { syncLeadJob } from "@/lib/jobs/sync-lead";
import { dropCorrections, recordCorrections } from "./corrections";
import { findDuplicateCandidates } from "./duplicates";
import { REJECT_REASONS, isOpenStatus } from "./lead-status";
import { applyEdits, approvalWarnings, checkLead, LEAD_FIELD_NAMES, reviewFlags, type LeadCheck, type LeadEdits, type LeadFieldName, type LeadValues } from "./lead-fields";

/** Approvals and merges wait this long before syncing, so they can be undone. */
export const UNDO_WINDOW_MS = 60_000;

/** How long the reviewer still has to undo a decision taken at `reviewedAt` (0 once closed). */
export function undoWindow(reviewedAt: Date | null, now: Date): { until: string; remainingMs: number } | null {
  if (!reviewedAt) return null;
  const until = reviewedAt.getTime() + UNDO_WINDOW_MS;
  return { until: new Date(until).toISOString(), remainingMs: Math.max(0, until - now.getTime()) };
}

export type ReviewActor = Pick<AuditEntry, "actorType" | "actorId" | "actorLabel">;

export const rejectionSchema = z
  .object({ reason: z.enum(REJECT_REASONS), note: z.string().trim().max(1000).optional() })
  .refine((value) => value.reason !== "other" || Boolean(value.note), { path: ["note"], message: "say why when the reason is other" });
export type Rejection = z.infer<typeof rejectionSchema>;

export const fieldChoicesSchema = z.partialRecord(z.enum(LEAD_FIELD_NAMES), z.enum(["lead", "contact"]));
export type FieldChoices = z.infer<typeof fieldChoicesSchema>;

type Tx = Prisma.TransactionClient;

const proposalSelect = {
  id: true,
  workspaceId: true,
  conversationId: true,
  status: true,
  version: true,
  name: true,
  email: true,
  phone: true,
  company: true,
  productInterest: true,
  urgencyLevel: true,
  emailNormalized: true,
  phoneE164: true,
  validation: true,
  qualifies: true,
  ownerId: true,
  contactId: true,
  reviewedBy: true,
  reviewedAt: true,
  rejectReason: true,
  rejectNote: true,
  syncStatus: true,
  evidence: true,
  extractor: true,
  updatedAt: true,
  conversation: { select: { contactWaId: true } },
  workspace: { select: { defaultCountry: true } },
} as const;

type ProposalRow = Prisma.LeadProposalGetPayload<{ select: typeof proposalSelect }>;

const contactSelect = { id: true, name: true, email: true, phoneE164: true, company: true, productInterest: true, urgencyLevel: true } as const;
type ContactRow = Prisma.ContactGetPayload<{ select: typeof contactSelect }>;

function leadValues(row: Pick<ProposalRow, "name" | "email" | "phone" | "company" | "productInterest" | "urgencyLevel">): LeadValues {
  return {
    name: row.name,
    email: row.email,
    phone: row.phone,
    company: row.company,
    productInterest: row.productInterest,
    urgencyLevel: row.urgencyLevel as LeadValues["urgencyLevel"],
  };
}

function contactValues(contact: ContactRow): LeadValues {
  return {
    name: contact.name,
    email: contact.email,
    phone: contact.phoneE164,
    company: contact.company,
    productInterest: contact.productInterest,
    urgencyLevel: contact.urgencyLevel as LeadValues["urgencyLevel"],
  };
}

/** A contact's columns holding a lead's values (the phone is E.164 already). */
function contactColumns(values: LeadValues) {
  return {
    name: values.name!,
    email: values.email,
    emailNormalized: values.email?.toLowerCase() ?? null,
    phoneE164: values.phone,
    company: values.company,
    productInterest: values.productInterest,
    urgencyLevel: values.urgencyLevel,
  };
}

/** Locks the proposal row and checks the version the reviewer saw. */
async function lockProposal(tx: Tx, workspaceId: string, proposalId: string, expectedVersion: number): Promise<ProposalRow> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM lead_proposals WHERE id = ${proposalId}::uuid AND workspace_id = ${workspaceId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFound("Lead");
  const proposal = await tx.leadProposal.findUniqueOrThrow({ where: { id: proposalId }, select: proposalSelect });
  if (proposal.version !== expectedVersion) {
    const who = proposal.reviewedBy ?? "the extractor (new messages arrived)";
    throw new AppError("conflict", `This lead was changed by ${who} at ${proposal.updatedAt.toISOString()}; reload to see the current version.`, {
      currentVersion: proposal.version,
      changedBy: who,
    });
  }
  return proposal;
}

function assertReviewable(proposal: ProposalRow): void {
  if (!isOpenStatus(proposal.status)) {
    throw new AppError("conflict", `This lead is already ${proposal.status}; undo that first to review it again.`, { currentVersion: proposal.version });
  }
}

async function queueSync(tx: Tx, proposal: ProposalRow, now: Date): Promise<void> {
  await syncLeadJob.enqueue(tx, { leadProposalId: proposal.id }, {
    workspaceId: proposal.workspaceId,
    dedupeKey: proposal.id,
    availableAt: new Date(now.getTime() + UNDO_WINDOW_MS),
  });
}

async function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db().$transaction(work, { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, timeout: 20_000 });
  } catch (error) {
    // Another reviewer created the same contact at the same moment.
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", "A contact with this email or phone was just created; reload and merge into it.", { code: "duplicate_contact" });
    }
    throw error;
  }
}

/** The lead's audit row: who did what, with the record before and after. */
function auditLead(tx: Tx, input: ReviewInput, action: string, proposalId: string, before: Prisma.InputJsonValue, after: Prisma.InputJsonValue) {
  // A decision taken as part of a bulk action names its batch (lib/leads/bulk.ts).
  const tagged = input.batchId && typeof after === "object" && after !== null && !Array.isArray(after) ? { ...after, batchId: input.batchId } : after;
  return recordAuditEvent({ ...input.actor, workspaceId: input.workspaceId, action, targetType: "lead_proposal", targetId: proposalId, before, after: tagged }, tx);
}

/**
 * What approving and merging share: the lead marked reviewed for its contact,
 * its CRM sync and follow-up queued, the reviewer's corrections to extraction
 * and the audit row, in the caller's transaction. `approvedLead` is the lead as
 * the reviewer left it (before any merge choices).
 */
async function accept(
  tx: Tx,
  input: ReviewInput,
  proposal: ProposalRow,
  now: Date,
  outcome: {
    status: "approved" | "merged";
    contactId: string;
    approvedLead: LeadCheck;
    fields: Prisma.LeadProposalUpdateInput;
    before: Prisma.InputJsonValue;
    after: Prisma.InputJsonValue;
  },
) {
  const updated = await tx.leadProposal.update({
    where: { id: proposal.id },
    data: {
      ...outcome.fields,
      status: outcome.status,
      contact: { connect: { id: outcome.contactId } },
      reviewedBy: input.actor.actorLabel,
      reviewedAt: now,
      syncStatus: "queued",
      syncError: null,
      version: { increment: 1 },
    },
    select: proposalSelect,
  });
  await queueSync(tx, proposal, now);
  await recordCorrections(tx, {
    workspaceId: input.workspaceId,
    leadProposalId: proposal.id,
    extracted: leadValues(proposal),
    approved: { ...outcome.approvedLead.values, phone: outcome.approvedLead.phoneE164 ?? outcome.approvedLead.values.phone },
    evidence: proposal.evidence,
    extractor: proposal.extractor,
    correctedBy: input.actor.actorLabel ?? null,
  });
  await scheduleFollowUpForApprovedLead(tx, { workspaceId: input.workspaceId, conversationId: proposal.conversationId, contactId: outcome.contactId });
  await auditLead(tx, input, `lead.${outcome.status}`, proposal.id, outcome.before, outcome.after);
  return updated;
}

export type ReviewInput = { workspaceId: string; proposalId: string; expectedVersion: number; actor: ReviewActor; now?: Date; batchId?: string };

/** The flags extraction stored on a proposal's validation. */
function storedFlags(validation: Prisma.JsonValue): ReviewFlag[] {
  const flags = validation && typeof validation === "object" && !Array.isArray(validation) ? validation.flags : null;
  return Array.isArray(flags) ? (flags as unknown as ReviewFlag[]) : [];
}

/**
 * Approves a lead as a new contact. An exact duplicate (same email or phone)
 * must be merged instead. A name is required; an invalid contact value, or no
 * valid one at all, needs `confirmInvalid` (the reviewer saw approvalWarnings):
 * an invalid email is then kept on the contact (not as its matching key), never
 * dropped silently. The flags are raised again from the values approved and
 * stored with them.
 */
export async function approveProposal(input: ReviewInput & { edits?: LeadEdits; confirmInvalid?: boolean }) {
  const now = input.now ?? new Date();
  return transaction(async (tx) => {
    const proposal = await lockProposal(tx, input.workspaceId, input.proposalId, input.expectedVersion);
    assertReviewable(proposal);
    const extracted = leadValues(proposal);
    const check = checkLead(applyEdits(extracted, input.edits), proposal.workspace.defaultCountry);
    if (!check.values.name?.trim()) {
      throw new AppError("validation_failed", "This lead cannot be approved without a name: add the person's name first.", { errors: [{ path: "edits.name", message: "a name is needed" }] });
    }
    const warningPhrases = approvalWarnings(check);
    const warnings = warningPhrases.map((warning) => warning.message);
    if (warnings.length > 0 && !input.confirmInvalid) {
      throw new AppError("validation_failed", `Confirm to approve: ${warnings.join(" ")}`, {
        code: "confirmation_required",
        warnings,
        warningPhrases,
        errors: check.invalidContactFields.map((field) => ({ path: `edits.${field}`, message: `the ${field} is not valid` })),
      });
    }
    const duplicates = (
      await findDuplicateCandidates(input.workspaceId, {
        name: check.values.name,
        email: check.emailNormalized,
        phones: check.phoneE164 ? [check.phoneE164] : [],
        company: check.values.company,
        excludeProposalId: proposal.id,
      })
    ).filter((candidate) => candidate.exact && candidate.kind === "contact");
    if (duplicates.length > 0) {
      throw new AppError("conflict", `${duplicates[0]!.name} already has this ${duplicates[0]!.reasons[0]?.replace(/^same /, "")}: merge the lead into that contact.`, {
        code: "duplicate_contact",
        duplicates,
      });
    }
    const { values } = check;
    const contact = await tx.contact.create({
      data: {
        workspaceId: input.workspaceId,
        name: values.name!,
        email: values.email,
        emailNormalized: check.emailNormalized,
        phoneE164: check.phoneE164,
        company: values.company,
        productInterest: values.productInterest,
        urgencyLevel: values.urgencyLevel,
      },
      select: contactSelect,
    });
    const updated = await accept(tx, input, proposal, now, {
      status: "approved",
      contactId: contact.id,
      approvedLead: check,
      fields: {
        ...values,
        emailNormalized: check.emailNormalized,
        phoneE164: check.phoneE164,
        qualifies: check.qualifies,
        validation: { ...check.validation, flags: reviewFlags(storedFlags(proposal.validation), extracted, check) } as unknown as Prisma.InputJsonValue,
      },
      before: {
        status: proposal.status,
        ...extracted,
        emailNormalized: proposal.emailNormalized,
        phoneE164: proposal.phoneE164,
        qualifies: proposal.qualifies,
        validation: proposal.validation as Prisma.InputJsonValue,
      },
      after: { status: "approved", ...values, createdContactId: contact.id, ...(warnings.length > 0 ? { confirmedWarnings: warnings } : {}) },
    });
    return { proposal: updated, contact, undo: undoWindow(updated.reviewedAt, now) };
  });
}

/** The contact a merge would leave, without writing anything (the merge dialog's preview). */
export async function previewMerge(input: { workspaceId: string; proposalId: string; contactId: string; choices: FieldChoices; edits?: LeadEdits }) {
  const proposal = await db().leadProposal.findFirst({ where: { id: input.proposalId, workspaceId: input.workspaceId }, select: proposalSelect });
  if (!proposal) throw notFound("Lead");
  const contact = await db().contact.findFirst({ where: { id: input.contactId, workspaceId: input.workspaceId }, select: contactSelect });
  if (!contact) throw notFound("Contact");
  const { before, after, changes } = mergedRecord(proposal, contact, input.choices, input.edits);
  return { before, after, changes };
}

function mergedRecord(proposal: ProposalRow, contact: ContactRow, choices: FieldChoices, edits?: LeadEdits) {
  const lead = checkLead(applyEdits(leadValues(proposal), edits), proposal.workspace.defaultCountry);
  const existing = contactValues(contact);
  const result = { ...existing };
  const changes: { field: LeadFieldName; from: string | null; to: string | null }[] = [];
  for (const field of LEAD_FIELD_NAMES) {
    const leadValue = field === "phone" ? lead.phoneE164 : field === "email" ? (lead.emailNormalized ? lead.values.email : null) : lead.values[field];
    // Default: keep what the contact has; fill what it lacks from the lead.
    const choice = choices[field] ?? (existing[field] === null ? "lead" : "contact");
    const value = choice === "lead" ? (leadValue ?? null) : existing[field];
    if (value !== existing[field]) changes.push({ field, from: existing[field], to: value });
    (result as Record<string, unknown>)[field] = value;
  }
  if (!result.name) throw new AppError("validation_failed", "The merged contact needs a name.");
  return { lead, before: existing, after: result, changes };
}

/** Merges the lead into an existing contact; per field, `choices` says whose value wins. */
export async function mergeProposal(input: ReviewInput & { contactId: string; choices: FieldChoices; edits?: LeadEdits }) {
  const now = input.now ?? new Date();
  return transaction(async (tx) => {
    const proposal = await lockProposal(tx, input.workspaceId, input.proposalId, input.expectedVersion);
    assertReviewable(proposal);
    const contact = await tx.contact.findFirst({ where: { id: input.contactId, workspaceId: input.workspaceId }, select: contactSelect });
    if (!contact) throw notFound("Contact");
    const { lead, before, after, changes } = mergedRecord(proposal, contact, input.choices, input.edits);
    const merged = await tx.contact.update({
      where: { id: contact.id },
      data: contactColumns(after),
      select: contactSelect,
    });
    const updated = await accept(tx, input, proposal, now, {
      status: "merged",
      contactId: contact.id,
      approvedLead: lead,
      fields: {},
      before: { status: proposal.status, contact: { id: contact.id, ...before } },
      after: { status: "merged", contact: { id: contact.id, ...after }, changes },
    });
    return { proposal: updated, contact: merged, changes, undo: undoWindow(updated.reviewedAt, now) };
  });
}

export async function rejectProposal(input: ReviewInput & { rejection: Rejection }) {
  const now = input.now ?? new Date();
  return transaction(async (tx) => {
    const proposal = await lockProposal(tx, input.workspaceId, input.proposalId, input.expectedVersion);
    assertReviewable(proposal);
    const updated = await tx.leadProposal.update({
      where: { id: proposal.id },
      data: {
        status: "rejected",
        rejectReason: input.rejection.reason,
        rejectNote: input.rejection.note ?? null,
        reviewedBy: input.actor.actorLabel,
        reviewedAt: now,
        version: { increment: 1 },
      },
      select: proposalSelect,
    });
    await auditLead(tx, input, "lead.rejected", proposal.id, { status: proposal.status }, { status: "rejected", reason: input.rejection.reason, note: input.rejection.note ?? null });
    return { proposal: updated, undo: undoWindow(updated.reviewedAt, now) };
  });
}

/**
 * Undoes the last approve, merge or reject within UNDO_WINDOW_MS, while the CRM
 * sync has not started: the queued sync is dropped, a contact the approval
 * created is deleted, a merged contact gets its old values back.
 */
export async function undoReview(input: ReviewInput) {
  const now = input.now ?? new Date();
  return transaction(async (tx) => {
    const proposal = await lockProposal(tx, input.workspaceId, input.proposalId, input.expectedVersion);
    if (!["approved", "merged", "rejected"].includes(proposal.status)) throw new AppError("conflict", "There is no review to undo on this lead.");
    if (!proposal.reviewedAt || now.getTime() - proposal.reviewedAt.getTime() > UNDO_WINDOW_MS) {
      throw new AppError("conflict", `The undo window (${UNDO_WINDOW_MS / 1000} s) has passed.`);
    }
    const last = await tx.auditEvent.findFirst({
      where: { workspaceId: input.workspaceId, targetType: "lead_proposal", targetId: proposal.id, action: `lead.${proposal.status}` },
      orderBy: { createdAt: "desc" },
      select: { before: true, after: true },
    });
    if (!last) throw new AppError("conflict", "This review has no record to undo from.");
    if (proposal.status !== "rejected") {
      const dropped = await tx.outboxItem.deleteMany({ where: { kind: "sync_lead", dedupeKey: proposal.id, status: "pending" } });
      const started = await tx.outboxItem.count({ where: { kind: "sync_lead", dedupeKey: proposal.id, status: { in: ["claimed", "done"] } } });
      if (dropped.count === 0 && started > 0) throw new AppError("conflict", "The CRM sync has already started; this can no longer be undone.");
      await unscheduleFollowUpsOfConversation(tx, proposal.conversationId);
      await dropCorrections(tx, proposal.id);
    }
    const before = last.before as Record<string, unknown>;
    const after = last.after as Record<string, unknown>;
    if (proposal.status === "approved" && typeof after.createdContactId === "string") {
      await tx.leadProposal.update({ where: { id: proposal.id }, data: { contactId: null } });
      const stillUsed = await tx.leadProposal.count({ where: { contactId: after.createdContactId } });
      if (stillUsed === 0) await tx.contact.delete({ where: { id: after.createdContactId } });
    }
    if (proposal.status === "merged") {
      const old = before.contact as { id: string } & LeadValues;
      await tx.contact.update({
        where: { id: old.id },
        data: contactColumns(old),
      });
    }
    // An approval may have edited the values and raised the flags again: both go back.
    const restored = (names: readonly string[]) => Object.fromEntries(names.filter((name) => name in before).map((name) => [name, before[name] ?? null]));
    const restoredFields = proposal.status === "approved" ? { ...restored(LEAD_FIELD_NAMES), ...restored(["emailNormalized", "phoneE164", "qualifies"]), ...("validation" in before ? { validation: before.validation as Prisma.InputJsonValue } : {}) } : {};
    const updated = await tx.leadProposal.update({
      where: { id: proposal.id },
      data: {
        ...restoredFields,
        status: String(before.status),
        contactId: null,
        reviewedBy: null,
        reviewedAt: null,
        rejectReason: null,
        rejectNote: null,
        syncStatus: "none",
        version: { increment: 1 },
      },
      select: proposalSelect,
    });
    await auditLead(tx, input, "lead.review_undone", proposal.id, { status: proposal.status }, { status: String(before.status) });
    return { proposal: updated };
  });
}
