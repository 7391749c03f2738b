// sync_lead: pushes approved leads to their workspace's CRM, up to 100 per run
// (HubSpot's batch requests take 100 records), each step for the whole batch
// and each vendor call its own step, so a retry resumes where it stopped and
// a batch costs a few requests, not a few per lead. A lead that cannot sync
// fails alone, with the reason on the lead; the others go on.
import { z } from "zod";
import { HUBSPOT_BATCH_LIMIT } from "@/lib/crm/hubspot/batches";
import {
  createCrmLeads,
  linkConversations,
  loadSyncPlans,
  markSyncStatuses,
  markSyncStatus,
  pushLabeledScoresOf,
  recordLeadNotes,
  upsertCrmContacts,
  type LeadStepResult,
  type SyncPlan,
} from "@/lib/crm/sync";
import { defineJob } from "./definition";

/**
 * CRM requests a run makes (whatever its size, up to 100 leads of new
 * contacts): the contacts' read and upsert, the deals' read by key, upsert and
 * association, the notes' associations read and create, the scores' update.
 */
const CRM_REQUESTS_PER_RUN = 8;

export const syncLeadJob = defineJob({
  kind: "sync_lead",
  payload: z.object({ leadProposalId: z.uuid() }),
  batch: { maxSize: HUBSPOT_BATCH_LIMIT },
  crmRequestsPerRun: CRM_REQUESTS_PER_RUN,
  async run({ items, step, giveUp }) {
    const itemOf = new Map(items.map((item) => [item.payload.leadProposalId, item]));
    const { plans, refused } = await step("load-plans", () => loadSyncPlans([...itemOf.keys()]));
    for (const { proposalId, reason } of refused) await giveUp(itemOf.get(proposalId)!, reason);
    if (plans.length === 0) return;
    // One run is one workspace (runners batch per workspace), so one CRM account.
    const { workspaceId } = plans[0]!;

    /** The leads a step answered for; the ones it refused fail alone, now. */
    async function keep<L extends { plan: SyncPlan }, T>(leads: L[], results: LeadStepResult<T>[]): Promise<(L & T)[]> {
      const kept: (L & T)[] = [];
      for (const [index, lead] of leads.entries()) {
        const result = results[index]!;
        if (typeof result === "object" && result !== null && "refused" in result) await giveUp(itemOf.get(lead.plan.proposalId)!, result.refused);
        else kept.push({ ...lead, ...(result as T) });
      }
      return kept;
    }

    await step("mark-syncing", () => markSyncStatuses(plans.map((plan) => plan.proposalId), "syncing"));
    const contacts = await step("upsert-contacts", () => upsertCrmContacts(workspaceId, plans));
    const withContacts = await keep(plans.map((plan) => ({ plan })), contacts);
    const leads = await step("create-leads", () => createCrmLeads(workspaceId, withContacts));
    const withLeads = await keep(withContacts, leads);
    const links = await step("write-crm-links", () => linkConversations(withLeads));
    const linked = withLeads.map((lead, index) => ({ ...lead, ...links[index]! }));
    const notes = await step("add-lead-notes", () => recordLeadNotes(workspaceId, linked));
    const withNotes = await keep(linked, notes);
    const scores = await step("push-labeled-scores", () => pushLabeledScoresOf(workspaceId, withNotes.map(({ plan }) => plan.conversationId)));
    const synced = await keep(withNotes, scores);
    await step("mark-synced", () => markSyncStatuses(synced.map(({ plan }) => plan.proposalId), "synced"));
    // The synced leads' items are completed by the runner, all at once, when this returns.
  },
  async onGiveUp({ payload }, reason) {
    await markSyncStatus(payload.leadProposalId, "failed", reason);
  },
});
