// sync-leads: pushes approved leads to their workspace's CRM in batches (up to
// 100 per run and CRM account: HubSpot's batch upsert takes 100 contacts in one
// request), throttled per CRM account, each vendor call its own step so a retry
// resumes where it failed. One lead's permanent failure is recorded on that
// lead and does not stop the others.
import {
  asOutboxFailure,
  createCrmLead,
  ensureCrmFields,
  linkConversation,
  loadSyncPlan,
  markSyncStatus,
  pushLabeledScores,
  upsertCrmContacts,
  type SyncPlan,
} from "@/lib/crm/sync";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { PermanentFailure } from "@/lib/outbox/drain";
import { syncLeadPayload } from "@/lib/outbox/handlers";
import { claimItem, completeItem, failItem, type OutboxItem } from "@/lib/outbox/outbox";
import { inngest } from "../client";
import { outboxEventData, outboxEventName } from "../events";
import { serviceStep } from "../outbox-run";

/** CRM requests a batch run makes besides one lead and one score push per lead: fields and the batch upsert. */
const FIXED_REQUESTS_PER_RUN = 2;
const BATCH_SIZE = 100;

type Claimed = { item: Pick<OutboxItem, "id" | "attempts">; proposalId: string };

async function recordFailure(claimed: Claimed, worker: string, reason: string): Promise<void> {
  await failItem(claimed.item, worker, { message: reason, permanent: true });
  await markSyncStatus(claimed.proposalId, "failed", reason);
}

export const syncLeadsFunction = inngest.createFunction(
  {
    id: "sync-leads",
    triggers: [{ event: outboxEventName("sync_lead") }],
    retries: 8,
    batchEvents: { maxSize: BATCH_SIZE, timeout: "5s", key: "event.data.workspaceId" },
    // One CRM account per workspace: runs start only as its request budget allows.
    throttle: { key: "event.data.workspaceId", limit: Math.max(1, Math.floor(env().HUBSPOT_REQUESTS_PER_10S / (FIXED_REQUESTS_PER_RUN + 2))), period: "10s" },
  },
  async ({ events, step, runId }) => {
    const ids = [...new Set(events.map((event) => outboxEventData.parse(event.data).outboxItemId))];
    const worker = `inngest:${runId}`;

    // Approvals wait out their undo window before syncing.
    const dueAt = (await step.run("check-due", async () => {
      const latest = await db().outboxItem.aggregate({ where: { id: { in: ids }, status: "pending" }, _max: { availableAt: true } });
      return latest._max.availableAt?.toISOString() ?? null;
    })) as string | null;
    if (dueAt && new Date(dueAt) > new Date()) await step.sleepUntil("wait-until-due", dueAt);

    const claimed = (await step.run("claim", async () => {
      const taken: Claimed[] = [];
      for (const id of ids) {
        const item = await claimItem(id, worker);
        if (item) taken.push({ item: { id: item.id, attempts: item.attempts }, proposalId: syncLeadPayload.parse(item.payload).leadProposalId });
      }
      return { worker, taken };
    })) as { worker: string; taken: Claimed[] };
    if (claimed.taken.length === 0) return { synced: 0, skipped: ids.length };
    const claimedBy = claimed.worker;

    const loaded = (await step.run("load-plans", async () => {
      const plans: { claimed: Claimed; plan: SyncPlan }[] = [];
      for (const entry of claimed.taken) {
        try {
          plans.push({ claimed: entry, plan: await loadSyncPlan(entry.proposalId) });
        } catch (error) {
          if (!(error instanceof PermanentFailure)) throw error;
          await recordFailure(entry, claimedBy, error.message);
        }
      }
      return plans;
    })) as { claimed: Claimed; plan: SyncPlan }[];
    if (loaded.length === 0) return { synced: 0, failed: claimed.taken.length };
    const { workspaceId } = loaded[0]!.plan;

    await step.run("mark-syncing", async () => {
      for (const { claimed: entry } of loaded) await markSyncStatus(entry.proposalId, "syncing");
    });
    try {
      await serviceStep(step, "ensure-crm-fields", () => ensureCrmFields(loaded[0]!.plan), asOutboxFailure);
      const contactIds = await serviceStep(step, "upsert-contacts", () => upsertCrmContacts(workspaceId, loaded.map((entry) => entry.plan)), asOutboxFailure);
      let synced = 0;
      for (const [index, { claimed: entry, plan }] of loaded.entries()) {
        try {
          const crmLeadId = await serviceStep(step, `create-lead-${plan.proposalId}`, () => createCrmLead(plan, contactIds[index]!), asOutboxFailure);
          await serviceStep(step, `write-crm-link-${plan.proposalId}`, () => linkConversation(plan, contactIds[index]!, crmLeadId));
          await serviceStep(step, `push-labeled-scores-${plan.proposalId}`, () => pushLabeledScores(workspaceId, plan.conversationId), asOutboxFailure);
          await step.run(`complete-${plan.proposalId}`, async () => {
            await markSyncStatus(plan.proposalId, "synced");
            await completeItem(entry.item.id, claimedBy);
          });
          synced += 1;
        } catch (error) {
          if (!(error instanceof PermanentFailure)) throw error;
          const reason = error.message;
          await step.run(`record-failure-${plan.proposalId}`, () => recordFailure(entry, claimedBy, reason));
        }
      }
      return { synced, failed: claimed.taken.length - synced };
    } catch (error) {
      // A failure of the whole batch (the CRM refused the fields or the contacts).
      if (!(error instanceof PermanentFailure)) throw error;
      const reason = error.message;
      await step.run("record-batch-failure", async () => {
        for (const { claimed: entry } of loaded) await recordFailure(entry, claimedBy, reason);
      });
      return { synced: 0, failed: claimed.taken.length };
    }
  },
);
