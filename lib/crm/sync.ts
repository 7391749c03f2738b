// Pushing approved leads to their workspace's CRM account, as the steps the
// sync_lead job (lib/jobs/sync-lead.ts) runs one after another, each for the
// whole batch (up to 100 leads of one workspace) and each vendor call its own
// step: upsert the contacts, create the leads, link conversation and CRM
// record in crm_links (once per conversation and CRM account), add the leads'
// notes (the conversation in words, once per lead), push the labeled scores,
// mark the leads synced. Each step answers per lead: a lead the CRM refuses
// drops out with the reason, the others go on. The lead's owner owns what is
// created. Every step is safe to repeat; the database work of a step is a few
// statements for the whole batch.
import { loadTranscripts } from "@/lib/conversations/transcript";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { LeadField } from "@/lib/extraction/types";
import { PermanentFailure } from "@/lib/jobs/failures";
import { metrics } from "@/lib/observability/metrics";
import { currentScores } from "@/lib/scoring/scores";
import { crmAdapterFor } from "./adapters";
import { CrmPermanentError } from "./errors";
import { crmLeadTitle, leadNoteHtml, leadNoteText, NOTE_MESSAGES, type LeadNoteContent } from "./lead-record";
import type { CrmBatchResult, CrmContactInput, CrmOwner } from "./types";

export type SyncPlan = {
  workspaceId: string;
  proposalId: string;
  conversationId: string;
  system: string;
  /** The CRM account the lead goes to (CrmAdapter.accountKey); its links are kept per account. */
  crmAccount: string;
  contact: CrmContactInput;
  leadTitle: string;
  owner: CrmOwner | null;
};

/** Where a person opens the lead in the dashboard (the note's link back); null without APP_URL. */
export const leadUrl = (proposalId: string): string | null => {
  const appUrl = env().APP_URL;
  return appUrl ? `${appUrl}/leads/${proposalId}` : null;
};

/** One lead's answer from a step: what the step made, or why the CRM refused this lead. */
export type LeadStepResult<T> = T | { refused: string };

const refusal = <T extends object>(result: CrmBatchResult<T>, what: string): { refused: string } | undefined =>
  result.ok ? undefined : { refused: `The CRM refused the ${what}: ${result.reason}` };

/** Reads what to sync; a lead that is no longer approved or merged is not synced. */
export async function loadSyncPlan(proposalId: string): Promise<SyncPlan> {
  const { plans, refused } = await loadSyncPlans([proposalId]);
  if (refused[0]) throw new PermanentFailure(refused[0].reason);
  return plans[0]!;
}

/** The plans of a batch of leads (one workspace's, one query); a lead that cannot be synced is refused with the reason. */
export async function loadSyncPlans(proposalIds: readonly string[]): Promise<{ plans: SyncPlan[]; refused: { proposalId: string; reason: string }[] }> {
  const proposals = await db().leadProposal.findMany({
    where: { id: { in: [...proposalIds] } },
    select: {
      id: true,
      workspaceId: true,
      conversationId: true,
      status: true,
      productInterest: true,
      owner: { select: { id: true, email: true } },
      contact: { select: { name: true, email: true, emailNormalized: true, phoneE164: true, company: true } },
    },
  });
  const byId = new Map(proposals.map((proposal) => [proposal.id, proposal]));
  const adapters = new Map<string, Awaited<ReturnType<typeof crmAdapterFor>>>();
  const plans: SyncPlan[] = [];
  const refused: { proposalId: string; reason: string }[] = [];
  for (const proposalId of proposalIds) {
    const proposal = byId.get(proposalId);
    if (!proposal) {
      refused.push({ proposalId, reason: `Lead ${proposalId} no longer exists.` });
      continue;
    }
    if (!["approved", "merged"].includes(proposal.status) || !proposal.contact) {
      refused.push({ proposalId, reason: `Lead ${proposalId} is ${proposal.status}, not approved: nothing to sync.` });
      continue;
    }
    const adapter = adapters.get(proposal.workspaceId) ?? (await crmAdapterFor(proposal.workspaceId));
    adapters.set(proposal.workspaceId, adapter);
    const { contact } = proposal;
    const owner = proposal.owner ? { userId: proposal.owner.id, email: proposal.owner.email } : null;
    plans.push({
      workspaceId: proposal.workspaceId,
      proposalId: proposal.id,
      conversationId: proposal.conversationId,
      system: adapter.system,
      crmAccount: adapter.accountKey,
      // An email kept on the contact though not valid (the reviewer confirmed it) is not sent.
      contact: { name: contact.name, email: contact.emailNormalized ? contact.email : null, phone: contact.phoneE164, company: contact.company, owner },
      leadTitle: crmLeadTitle(contact.name, proposal.productInterest),
      owner,
    });
  }
  return { plans, refused };
}

export async function markSyncStatus(proposalId: string, status: "syncing" | "synced" | "failed", error?: string): Promise<void> {
  await markSyncStatuses([proposalId], status, error);
}

/** Sets many leads' sync status in one statement (a lead deleted meanwhile has nothing to show). */
export async function markSyncStatuses(proposalIds: readonly string[], status: "syncing" | "synced" | "failed", error?: string): Promise<void> {
  // synced_at: the funnel's "time to CRM".
  const updated = await db().leadProposal.updateManyAndReturn({
    where: { id: { in: [...proposalIds] } },
    data: { syncStatus: status, syncError: status === "failed" ? (error ?? null) : null, ...(status === "synced" ? { syncedAt: new Date() } : {}) },
    select: { reviewedAt: true },
  });
  if (status !== "synced") return;
  for (const { reviewedAt } of updated) if (reviewedAt) metrics.syncLatency.observe((Date.now() - reviewedAt.getTime()) / 1000);
}

/**
 * Upserts many leads' contacts in the CRM at once (HubSpot: batch upsert, 100
 * per request); per lead in input order, the CRM's id or why it refused that one.
 */
export async function upsertCrmContacts(workspaceId: string, plans: readonly SyncPlan[]): Promise<LeadStepResult<{ crmContactId: string }>[]> {
  const results = await (await crmAdapterFor(workspaceId)).upsertContacts(plans.map((plan) => plan.contact));
  return results.map((result) => refusal(result, "contact") ?? { crmContactId: (result as { crmContactId: string }).crmContactId });
}

/** A lead of the batch with its contact in the CRM. */
export type PlanWithContact = { plan: SyncPlan; crmContactId: string };

/** Creates many leads (HubSpot: deals) at once, each once per conversation; per lead in input order. */
export async function createCrmLeads(workspaceId: string, leads: readonly PlanWithContact[]): Promise<LeadStepResult<{ crmLeadId: string }>[]> {
  const adapter = await crmAdapterFor(workspaceId);
  const results = await adapter.createLeads(leads.map(({ plan, crmContactId }) => ({ crmContactId, conversationId: plan.conversationId, title: plan.leadTitle, owner: plan.owner })));
  return results.map((result) => refusal(result, "lead") ?? { crmLeadId: (result as { crmLeadId: string }).crmLeadId });
}

/** A lead of the batch with its contact and lead in the CRM. */
export type PlanWithRecords = PlanWithContact & { crmLeadId: string };

/** Writes each lead's crm_links row once (two statements for the batch); a repeat keeps the first link. Per lead in input order. */
export async function linkConversations(leads: readonly PlanWithRecords[]): Promise<{ crmContactId: string; crmLeadId: string | null }[]> {
  if (leads.length === 0) return [];
  await db().crmLink.createMany({
    data: leads.map(({ plan, crmContactId, crmLeadId }) => ({ conversationId: plan.conversationId, crmSystem: plan.system, crmAccount: plan.crmAccount, crmContactId, crmLeadId })),
    skipDuplicates: true,
  });
  // One workspace's batch: one CRM account.
  const { system, crmAccount } = leads[0]!.plan;
  const links = await db().crmLink.findMany({
    where: { conversationId: { in: leads.map(({ plan }) => plan.conversationId) }, crmSystem: system, crmAccount },
    select: { conversationId: true, crmSystem: true, crmAccount: true, crmContactId: true, crmLeadId: true },
  });
  const byKey = new Map(links.map((link) => [`${link.conversationId}|${link.crmSystem}|${link.crmAccount}`, link]));
  return leads.map(({ plan }) => {
    const link = byKey.get(`${plan.conversationId}|${plan.system}|${plan.crmAccount}`)!;
    return { crmContactId: link.crmContactId, crmLeadId: link.crmLeadId };
  });
}

/** Pushes the conversation's labeled scores to its contact in the workspace's CRM account. Returns how many contacts got them. */
export async function pushLabeledScores(workspaceId: string, conversationId: string): Promise<number> {
  const [result] = await pushLabeledScoresOf(workspaceId, [conversationId]);
  if (result && "refused" in result) throw new CrmPermanentError(result.refused);
  return result?.pushed ?? 0;
}

/**
 * Pushes many conversations' labeled scores to their contacts at once
 * (HubSpot: one batch update per 100 contacts). Per conversation in input
 * order: how many contacts got them, or why the CRM refused.
 */
export async function pushLabeledScoresOf(workspaceId: string, conversationIds: readonly string[]): Promise<LeadStepResult<{ pushed: number }>[]> {
  const adapter = await crmAdapterFor(workspaceId);
  const [scores, links] = await Promise.all([
    currentScores(workspaceId, conversationIds),
    db().crmLink.findMany({
      where: { conversationId: { in: [...conversationIds] }, conversation: { workspaceId }, crmSystem: adapter.system, crmAccount: adapter.accountKey },
      select: { conversationId: true, crmContactId: true },
    }),
  ]);
  const updates = links.flatMap((link) => {
    const fields = scores.get(link.conversationId)?.labels.fields;
    if (!fields) return [];
    return [{ conversationId: link.conversationId, crmContactId: link.crmContactId, scores: { leadScore: fields["Lead Score"], primaryObjection: fields["Primary Objection"], recommendedApproach: fields["Recommended Approach"] } }];
  });
  const results = updates.length > 0 ? await adapter.setLabeledScoresOf(updates) : [];
  return conversationIds.map((conversationId) => {
    const mine = updates.flatMap((update, index) => (update.conversationId === conversationId ? [results[index]!] : []));
    const refused = mine.find((result) => !result.ok);
    return refused && !refused.ok ? { refused: `The CRM refused the scores: ${refused.reason}` } : { pushed: mine.length };
  });
}

/**
 * Each lead's note (who, what, how hot, in their words, the last messages, the
 * link back), for many leads of one workspace in four queries; in input
 * order, null for a lead deleted meanwhile.
 */
export async function leadNoteContents(workspaceId: string, proposalIds: readonly string[]): Promise<(LeadNoteContent | null)[]> {
  const proposals = await db().leadProposal.findMany({
    where: { id: { in: [...proposalIds] }, workspaceId },
    select: { id: true, conversationId: true, productInterest: true, urgencyLevel: true, evidence: true, name: true, contact: { select: { name: true, company: true } }, company: true },
  });
  const byId = new Map(proposals.map((proposal) => [proposal.id, proposal]));
  const conversationIds = proposals.map((proposal) => proposal.conversationId);
  const [scores, transcripts] = await Promise.all([currentScores(workspaceId, conversationIds), loadTranscripts(workspaceId, conversationIds)]);
  return proposalIds.map((proposalId) => {
    const proposal = byId.get(proposalId);
    if (!proposal) return null;
    const score = scores.get(proposal.conversationId);
    const evidence = Object.entries((proposal.evidence ?? {}) as Record<string, { quote?: string } | null>).flatMap(([field, found]) =>
      found?.quote ? [{ field: field as LeadField, quote: found.quote }] : [],
    );
    return {
      leadKey: proposalId,
      name: proposal.contact?.name ?? proposal.name ?? "Unnamed prospect",
      company: proposal.contact?.company ?? proposal.company,
      productInterest: proposal.productInterest,
      urgencyLevel: proposal.urgencyLevel,
      scores: score ? { summary: score.labels.summary, fields: { ...score.labels.fields } } : null,
      evidence,
      messages: (transcripts.get(proposal.conversationId)?.messages ?? []).slice(-NOTE_MESSAGES).map((message) => ({ role: message.role, text: message.text, sentAt: message.sentAt })),
      url: leadUrl(proposalId),
    };
  });
}

/** A lead of the batch with its CRM records as linked. */
export type PlanWithLink = { plan: SyncPlan; crmContactId: string; crmLeadId: string | null };

/** Adds the lead's note to its contact and lead in the CRM, once per lead (a retry finds the first). */
export async function recordLeadNote(plan: SyncPlan, crmContactId: string, crmLeadId: string | null): Promise<string> {
  const [result] = await recordLeadNotes(plan.workspaceId, [{ plan, crmContactId, crmLeadId }]);
  if ("refused" in result!) throw new CrmPermanentError(result.refused);
  return result!.crmNoteId;
}

/** Adds many leads' notes at once, each once per lead; per lead in input order, the note or why the CRM refused it. */
export async function recordLeadNotes(workspaceId: string, leads: readonly PlanWithLink[]): Promise<LeadStepResult<{ crmNoteId: string }>[]> {
  if (leads.length === 0) return [];
  const contents = await leadNoteContents(workspaceId, leads.map(({ plan }) => plan.proposalId));
  const present = leads.flatMap((lead, index) => (contents[index] ? [{ ...lead, content: contents[index] }] : []));
  const adapter = await crmAdapterFor(workspaceId);
  const at = new Date();
  const results = await adapter.addLeadNotes(present.map(({ plan, crmContactId, crmLeadId, content }) => ({
    crmContactId,
    crmLeadId,
    leadKey: plan.proposalId,
    text: leadNoteText(content),
    html: leadNoteHtml(content),
    at,
    owner: plan.owner,
  })));
  const byLead = new Map(present.map(({ plan }, index) => [plan.proposalId, results[index]!]));
  return leads.map(({ plan }) => {
    const result = byLead.get(plan.proposalId);
    if (!result) return { refused: `Lead ${plan.proposalId} no longer exists.` };
    return refusal(result, "lead's note") ?? { crmNoteId: (result as { crmNoteId: string }).crmNoteId };
  });
}
