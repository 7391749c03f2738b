// Pushing approved leads to their workspace's CRM, as the steps the sync_lead
// job (lib/jobs/sync-lead.ts) runs one by one, each vendor call its own step:
// upsert the contacts, create each lead, link conversation and CRM record in
// crm_links (once per conversation and CRM), push the labeled scores, mark the
// lead synced. Every step is safe to repeat.
import { isUniqueViolation } from "@/lib/db/errors";
import { db } from "@/lib/db/client";
import { PermanentFailure } from "@/lib/jobs/failures";
import { currentScore } from "@/lib/scoring/scores";
import { crmAdapterFor } from "./adapters";
import type { CrmContactInput } from "./types";
import { metrics } from "@/lib/observability/metrics";

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
      contact: { select: { name: true, email: true, emailNormalized: true, phoneE164: true, company: true } },
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
    // An email kept on the contact though not valid (the reviewer confirmed it) is not sent.
    contact: { name: contact.name, email: contact.emailNormalized ? contact.email : null, phone: contact.phoneE164, company: contact.company },
    leadTitle: `WhatsApp lead: ${contact.name}${proposal.productInterest ? ` — ${proposal.productInterest}` : ""}`,
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

