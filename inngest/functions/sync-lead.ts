// sync-lead: pushes an approved lead to its workspace's CRM, each vendor call
// its own step (so a retry resumes where it failed), throttled per CRM account.
import { markSyncStatus, asOutboxFailure, createCrmLead, ensureCrmFields, linkConversation, loadSyncPlan, pushLabeledScores, upsertCrmContact, type SyncPlan } from "@/lib/crm/sync";
import { syncLeadPayload } from "@/lib/outbox/handlers";
import { env } from "@/lib/env";
import { inngest } from "../client";
import { outboxEventName } from "../events";
import { runOutboxItem, serviceStep } from "../outbox-run";

/** CRM requests one sync makes: fields, contact, lead, scores (the link is ours). */
const REQUESTS_PER_SYNC = 4;

export const syncLeadFunction = inngest.createFunction(
  {
    id: "sync-lead",
    triggers: [{ event: outboxEventName("sync_lead") }],
    retries: 8,
    // One CRM account per workspace: stay under its request budget.
    throttle: { key: "event.data.workspaceId", limit: Math.max(1, Math.floor(env().HUBSPOT_REQUESTS_PER_10S / REQUESTS_PER_SYNC)), period: "10s" },
  },
  async ({ event, step, runId }) =>
    runOutboxItem(
      { event, step, runId },
      async (item) => {
        const { leadProposalId } = syncLeadPayload.parse(item.payload);
        const plan: SyncPlan = await serviceStep(step, "load-plan", () => loadSyncPlan(leadProposalId));
        await step.run("mark-syncing", () => markSyncStatus(leadProposalId, "syncing"));
        await serviceStep(step, "ensure-crm-fields", () => ensureCrmFields(plan), asOutboxFailure);
        const crmContactId = await serviceStep(step, "upsert-contact", () => upsertCrmContact(plan), asOutboxFailure);
        const crmLeadId = await serviceStep(step, "create-lead", () => createCrmLead(plan, crmContactId), asOutboxFailure);
        const link = await serviceStep(step, "write-crm-link", () => linkConversation(plan, crmContactId, crmLeadId));
        await serviceStep(step, "push-labeled-scores", () => pushLabeledScores(plan.workspaceId, plan.conversationId), asOutboxFailure);
        await step.run("mark-synced", () => markSyncStatus(leadProposalId, "synced"));
        return link;
      },
      async (item, reason) => {
        const parsed = syncLeadPayload.safeParse(item.payload);
        if (parsed.success) await markSyncStatus(parsed.data.leadProposalId, "failed", reason);
      },
    ),
);
