// sync_lead: pushes approved leads to their workspace's CRM, up to 100 per run
// (HubSpot's batch upsert takes 100 contacts in one request), each vendor call
// its own step so a retry resumes where it stopped. A lead that cannot sync
// fails alone, with the reason on the lead; the others go on.
import { z } from "zod";
import { HUBSPOT_BATCH_LIMIT } from "@/lib/crm/hubspot/contacts";
import {
  createCrmLead,
  linkConversation,
  loadSyncPlans,
  markSyncStatus,
  pushLabeledScores,
  recordLeadNote,
  upsertCrmContacts,
} from "@/lib/crm/sync";
import { defineJob } from "./definition";
import { failureOf, isPermanent } from "./failures";

/**
 * CRM requests the smallest run makes: the contact read and upsert, the deal
 * (read by key, upsert, association), the note (the contact's notes, the new
 * note), the scores.
 */
const CRM_REQUESTS_PER_RUN = 8;

export const syncLeadJob = defineJob({
  kind: "sync_lead",
  payload: z.object({ leadProposalId: z.uuid() }),
  batch: { maxSize: HUBSPOT_BATCH_LIMIT },
  crmRequestsPerRun: CRM_REQUESTS_PER_RUN,
  async run({ items, step, complete, giveUp }) {
    const itemOf = new Map(items.map((item) => [item.payload.leadProposalId, item]));
    const { plans, refused } = await step("load-plans", () => loadSyncPlans([...itemOf.keys()]));
    for (const { proposalId, reason } of refused) await giveUp(itemOf.get(proposalId)!, reason);
    if (plans.length === 0) return;
    // One run is one workspace (runners batch per workspace), so one CRM account.
    const { workspaceId } = plans[0]!;

    await step("mark-syncing", async () => {
      for (const plan of plans) await markSyncStatus(plan.proposalId, "syncing");
    });
    const contacts = await step("upsert-contacts", () => upsertCrmContacts(workspaceId, plans));
    for (const [index, plan] of plans.entries()) {
      const item = itemOf.get(plan.proposalId)!;
      const contact = contacts[index]!;
      if ("refused" in contact) {
        await giveUp(item, contact.refused);
        continue;
      }
      const { crmContactId } = contact;
      try {
        const crmLeadId = await step(`create-lead-${plan.proposalId}`, () => createCrmLead(plan, crmContactId));
        await step(`write-crm-link-${plan.proposalId}`, () => linkConversation(plan, crmContactId, crmLeadId));
        await step(`add-lead-note-${plan.proposalId}`, () => recordLeadNote(plan, crmContactId, crmLeadId));
        await step(`push-labeled-scores-${plan.proposalId}`, () => pushLabeledScores(workspaceId, plan.conversationId));
        await step(`mark-synced-${plan.proposalId}`, () => markSyncStatus(plan.proposalId, "synced"));
        await complete(item);
      } catch (error) {
        if (!isPermanent(error)) throw error;
        await giveUp(item, failureOf(error).message);
      }
    }
  },
  async onGiveUp({ payload }, reason) {
    await markSyncStatus(payload.leadProposalId, "failed", reason);
  },
});
