// Pushing approved leads to their workspace's CRM, as steps the sync-leads
// Inngest function runs one by one (each vendor call its own step) and the
// drain runs in a row: upsert the contact, create the lead, link conversation
// and CRM record in crm_links (once per conversation and CRM), push the labeled
// scores, mark the lead synced. Every step is safe to repeat.
import { isUniqueViolation } from "@/lib/db/errors";
import { db } from "@/lib/db/client";
import { PermanentFailure, RetryLater } from "@/lib/outbox/drain";
import { currentScore } from "@/lib/scoring/scores";
import { crmAdapterFor } from "./adapters";
import { CrmError, CrmPermanentError, CrmRateLimitError } from "./errors";
import { crmLeadTitle } from "./lead-record";
import type { CrmContactInput } from "./types";

export type SyncPlan = {
  workspaceId: string;
  proposalId: string;
  conversationId: string;
  system: string;
  contact: CrmContactInput;
  leadTitle: string;
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
      contact: { select: { name: true, email: true, phoneE164: true, company: true } },
    },
  });
  if (!proposal) throw new PermanentFailure(`Lead ${proposalId} no longer exists.`);
  if (!["approved", "merged"].includes(proposal.status) || !proposal.contact) {
    throw new PermanentFailure(`Lead ${proposalId} is ${proposal.status}, not approved: nothing to sync.`);
  }
  const adapter = await crmAdapterFor(proposal.workspaceId);
  const { contact } = proposal;
  return {
    workspaceId: proposal.workspaceId,
    proposalId: proposal.id,
    conversationId: proposal.conversationId,
    system: adapter.system,
    contact: { name: contact.name, email: contact.email, phone: contact.phoneE164, company: contact.company },
    leadTitle: crmLeadTitle(contact.name, proposal.productInterest),
  };
}

export async function markSyncStatus(proposalId: string, status: "syncing" | "synced" | "failed", error?: string): Promise<void> {
  await db().leadProposal.update({ where: { id: proposalId }, data: { syncStatus: status, syncError: status === "failed" ? (error ?? null) : null } });
}

export async function ensureCrmFields(plan: SyncPlan): Promise<void> {
  await (await crmAdapterFor(plan.workspaceId)).ensureCustomProperties();
}

export async function upsertCrmContact(plan: SyncPlan): Promise<string> {
  return (await (await crmAdapterFor(plan.workspaceId)).upsertContact(plan.contact)).crmContactId;
}

/** Upserts many leads' contacts in the CRM at once (HubSpot: batch upsert, 100 per request); ids in input order. */
export async function upsertCrmContacts(workspaceId: string, plans: readonly SyncPlan[]): Promise<string[]> {
  const results = await (await crmAdapterFor(workspaceId)).upsertContacts(plans.map((plan) => plan.contact));
  return results.map((result) => result.crmContactId);
}

export async function createCrmLead(plan: SyncPlan, crmContactId: string): Promise<string> {
  const adapter = await crmAdapterFor(plan.workspaceId);
  return (await adapter.createLead({ crmContactId, conversationId: plan.conversationId, title: plan.leadTitle })).crmLeadId;
}

/** Writes the crm_links row once; a repeat keeps the first link. */
export async function linkConversation(plan: SyncPlan, crmContactId: string, crmLeadId: string): Promise<{ crmContactId: string; crmLeadId: string | null }> {
  const key = { conversationId_crmSystem: { conversationId: plan.conversationId, crmSystem: plan.system } };
  try {
    return await db().crmLink.create({
      data: { conversationId: plan.conversationId, crmSystem: plan.system, crmContactId, crmLeadId },
      select: { crmContactId: true, crmLeadId: true },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return db().crmLink.findUniqueOrThrow({ where: key, select: { crmContactId: true, crmLeadId: true } });
  }
}

/** Pushes the conversation's labeled scores to every CRM it is linked in. Returns how many CRMs got them. */
export async function pushLabeledScores(workspaceId: string, conversationId: string): Promise<number> {
  const score = await currentScore(workspaceId, conversationId);
  if (!score) return 0;
  const links = await db().crmLink.findMany({ where: { conversationId, conversation: { workspaceId } }, select: { crmSystem: true, crmContactId: true } });
  const adapter = await crmAdapterFor(workspaceId);
  const fields = score.labels.fields;
  let pushed = 0;
  for (const link of links.filter((candidate) => candidate.crmSystem === adapter.system)) {
    await adapter.setLabeledScores(link.crmContactId, {
      leadScore: fields["Lead Score"],
      primaryObjection: fields["Primary Objection"],
      recommendedApproach: fields["Recommended Approach"],
    });
    pushed += 1;
  }
  return pushed;
}

/** CRM failures as the outbox understands them: wait, retry, or stop and tell a person. */
export function asOutboxFailure(error: unknown): unknown {
  if (error instanceof CrmRateLimitError) return new RetryLater(error.message, error.retryAfterMs);
  if (error instanceof CrmPermanentError) return new PermanentFailure(error.reason);
  if (error instanceof CrmError) return error;
  return error;
}

/** The whole sync in a row (jobs:drain and the development server). */
export async function syncLead(proposalId: string): Promise<void> {
  const plan = await loadSyncPlan(proposalId);
  await markSyncStatus(proposalId, "syncing");
  try {
    await ensureCrmFields(plan);
    const crmContactId = await upsertCrmContact(plan);
    const crmLeadId = await createCrmLead(plan, crmContactId);
    await linkConversation(plan, crmContactId, crmLeadId);
    await pushLabeledScores(plan.workspaceId, plan.conversationId);
    await markSyncStatus(proposalId, "synced");
  } catch (error) {
    const failure = asOutboxFailure(error);
    if (failure instanceof PermanentFailure) await markSyncStatus(proposalId, "failed", failure.message);
    throw failure;
  }
}
