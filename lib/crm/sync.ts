// Pushing approved leads to their workspace's CRM account, as the steps the
// sync_lead job (lib/jobs/sync-lead.ts) runs one by one, each vendor call its
// own step: upsert the contacts, create each lead, link conversation and CRM
// record in crm_links (once per conversation and CRM account), add the lead's
// note (the conversation in words, once per lead), push the labeled scores,
// mark the lead synced. The lead's owner owns what is created. Every step is
// safe to repeat.
import { isUniqueViolation } from "@/lib/db/errors";
import { loadTranscript } from "@/lib/conversations/transcript";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { LeadField } from "@/lib/extraction/types";
import { PermanentFailure } from "@/lib/jobs/failures";
import { metrics } from "@/lib/observability/metrics";
import { currentScore } from "@/lib/scoring/scores";
import { crmAdapterFor } from "./adapters";
import { crmLeadTitle, leadNoteHtml, leadNoteText, NOTE_MESSAGES, type LeadNoteContent } from "./lead-record";
import type { CrmContactInput, CrmOwner } from "./types";

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

/** Reads what to sync; a lead that is no longer approved or merged is not synced. */
export async function loadSyncPlan(proposalId: string): Promise<SyncPlan> {
  const proposal = await db().leadProposal.findUnique({
    where: { id: proposalId },
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
  if (!proposal) throw new PermanentFailure(`Lead ${proposalId} no longer exists.`);
  if (!["approved", "merged"].includes(proposal.status) || !proposal.contact) {
    throw new PermanentFailure(`Lead ${proposalId} is ${proposal.status}, not approved: nothing to sync.`);
  }
  const adapter = await crmAdapterFor(proposal.workspaceId);
  const { contact } = proposal;
  const owner = proposal.owner ? { userId: proposal.owner.id, email: proposal.owner.email } : null;
  return {
    workspaceId: proposal.workspaceId,
    proposalId: proposal.id,
    conversationId: proposal.conversationId,
    system: adapter.system,
    crmAccount: adapter.accountKey,
    // An email kept on the contact though not valid (the reviewer confirmed it) is not sent.
    contact: { name: contact.name, email: contact.emailNormalized ? contact.email : null, phone: contact.phoneE164, company: contact.company, owner },
    leadTitle: crmLeadTitle(contact.name, proposal.productInterest),
    owner,
  };
}

/** The plans of a batch of leads; a lead that cannot be synced is refused with the reason. */
export async function loadSyncPlans(proposalIds: readonly string[]): Promise<{ plans: SyncPlan[]; refused: { proposalId: string; reason: string }[] }> {
  const plans: SyncPlan[] = [];
  const refused: { proposalId: string; reason: string }[] = [];
  for (const proposalId of proposalIds) {
    try {
      plans.push(await loadSyncPlan(proposalId));
    } catch (error) {
      if (!(error instanceof PermanentFailure)) throw error;
      refused.push({ proposalId, reason: error.message });
    }
  }
  return { plans, refused };
}

export async function markSyncStatus(proposalId: string, status: "syncing" | "synced" | "failed", error?: string): Promise<void> {
  // updateMany: a lead deleted meanwhile has nothing to show. synced_at: the funnel's "time to CRM".
  const [updated] = await db().leadProposal.updateManyAndReturn({
    where: { id: proposalId },
    data: { syncStatus: status, syncError: status === "failed" ? (error ?? null) : null, ...(status === "synced" ? { syncedAt: new Date() } : {}) },
    select: { reviewedAt: true },
  });
  if (status === "synced" && updated?.reviewedAt) metrics.syncLatency.observe((Date.now() - updated.reviewedAt.getTime()) / 1000);
}

/**
 * Upserts many leads' contacts in the CRM at once (HubSpot: batch upsert, 100
 * per request); per lead in input order, the CRM's id or why it refused that one.
 */
export async function upsertCrmContacts(workspaceId: string, plans: readonly SyncPlan[]): Promise<({ crmContactId: string } | { refused: string })[]> {
  const results = await (await crmAdapterFor(workspaceId)).upsertContacts(plans.map((plan) => plan.contact));
  return results.map((result) => (result.ok ? { crmContactId: result.crmContactId } : { refused: `The CRM refused the contact: ${result.reason}` }));
}

export async function createCrmLead(plan: SyncPlan, crmContactId: string): Promise<string> {
  const adapter = await crmAdapterFor(plan.workspaceId);
  return (await adapter.createLead({ crmContactId, conversationId: plan.conversationId, title: plan.leadTitle, owner: plan.owner })).crmLeadId;
}

/** Writes the crm_links row once; a repeat keeps the first link. */
export async function linkConversation(plan: SyncPlan, crmContactId: string, crmLeadId: string): Promise<{ crmContactId: string; crmLeadId: string | null }> {
  const key = { conversationId_crmSystem_crmAccount: { conversationId: plan.conversationId, crmSystem: plan.system, crmAccount: plan.crmAccount } };
  try {
    return await db().crmLink.create({
      data: { conversationId: plan.conversationId, crmSystem: plan.system, crmAccount: plan.crmAccount, crmContactId, crmLeadId },
      select: { crmContactId: true, crmLeadId: true },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return db().crmLink.findUniqueOrThrow({ where: key, select: { crmContactId: true, crmLeadId: true } });
  }
}

/** Pushes the conversation's labeled scores to its contact in the workspace's CRM account. Returns how many contacts got them. */
export async function pushLabeledScores(workspaceId: string, conversationId: string): Promise<number> {
  const score = await currentScore(workspaceId, conversationId);
  if (!score) return 0;
  const adapter = await crmAdapterFor(workspaceId);
  const links = await db().crmLink.findMany({
    where: { conversationId, conversation: { workspaceId }, crmSystem: adapter.system, crmAccount: adapter.accountKey },
    select: { crmContactId: true },
  });
  const fields = score.labels.fields;
  let pushed = 0;
  for (const link of links) {
    await adapter.setLabeledScores(link.crmContactId, {
      leadScore: fields["Lead Score"],
      primaryObjection: fields["Primary Objection"],
      recommendedApproach: fields["Recommended Approach"],
    });
    pushed += 1;
  }
  return pushed;
}


/** The lead's note: who, what, how hot, in their words, the last messages, and the link back. */
export async function leadNoteContent(workspaceId: string, proposalId: string): Promise<LeadNoteContent> {
  const proposal = await db().leadProposal.findFirstOrThrow({
    where: { id: proposalId, workspaceId },
    select: { conversationId: true, productInterest: true, urgencyLevel: true, evidence: true, name: true, contact: { select: { name: true, company: true } }, company: true },
  });
  const [score, transcript] = await Promise.all([currentScore(workspaceId, proposal.conversationId), loadTranscript(workspaceId, proposal.conversationId)]);
  const evidence = Object.entries((proposal.evidence ?? {}) as Record<string, { quote?: string } | null>).flatMap(([field, found]) =>
    found?.quote ? [{ field: field as LeadField, quote: found.quote }] : [],
  );
  return {
    leadKey: proposalId,
    name: proposal.contact?.name ?? proposal.name ?? "Unnamed prospect",
    company: proposal.contact?.company ?? proposal.company,
    productInterest: proposal.productInterest,
    urgencyLevel: proposal.urgencyLevel,
    scores: score && { summary: score.labels.summary, fields: { ...score.labels.fields } },
    evidence,
    messages: transcript.messages.slice(-NOTE_MESSAGES).map((message) => ({ role: message.role, text: message.text, sentAt: message.sentAt })),
    url: leadUrl(proposalId),
  };
}

/** Adds the lead's note to its contact and lead in the CRM, once per lead (a retry finds the first). */
export async function recordLeadNote(plan: SyncPlan, crmContactId: string, crmLeadId: string | null): Promise<string> {
  const content = await leadNoteContent(plan.workspaceId, plan.proposalId);
  const adapter = await crmAdapterFor(plan.workspaceId);
  const note = await adapter.addLeadNote({
    crmContactId,
    crmLeadId,
    leadKey: plan.proposalId,
    text: leadNoteText(content),
    html: leadNoteHtml(content),
    at: new Date(),
    owner: plan.owner,
  });
  return note.crmNoteId;
}
