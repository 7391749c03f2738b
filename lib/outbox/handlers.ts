// Which service runs each kind of outbox work. The Inngest functions call the
// same services step by step; `jobs:drain` and the development server's loop
// call them through this table.
import { z } from "zod";
import { asOutboxFailure, markSyncStatus, pushLabeledScores, syncLead } from "@/lib/crm/sync";
import { runDueFollowUp } from "@/lib/followups/run-due";
import { extractLead } from "@/lib/leads/extract-lead";
import { deliverNotificationWebhook } from "@/lib/notifications/webhook";
import type { OutboxHandlers } from "./drain";
import { PermanentFailure } from "./drain";

export const extractLeadPayload = z.object({ conversationId: z.uuid() });
export const syncLeadPayload = z.object({ leadProposalId: z.uuid() });
export const pushScoresPayload = z.object({ conversationId: z.uuid() });
// conversationId rides along so the Inngest event can be cancelled by the prospect's reply.
export const notificationWebhookPayload = z.object({ notificationId: z.uuid() });
export const followUpDuePayload = z.object({ followUpId: z.uuid(), conversationId: z.uuid().optional() });

export function parsePayload<T extends z.ZodType>(schema: T, payload: unknown): z.infer<T> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new PermanentFailure(`Malformed outbox payload: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

export const outboxHandlers: OutboxHandlers = {
  extract_lead: {
    run: async (item) => {
      if (!item.workspaceId) throw new PermanentFailure("An extraction needs its workspace.");
      await extractLead(item.workspaceId, parsePayload(extractLeadPayload, item.payload).conversationId);
    },
  },
  sync_lead: {
    run: async (item) => syncLead(parsePayload(syncLeadPayload, item.payload).leadProposalId),
    onGiveUp: async (item, reason) => {
      const parsed = syncLeadPayload.safeParse(item.payload);
      if (parsed.success) await markSyncStatus(parsed.data.leadProposalId, "failed", reason);
    },
  },
  push_scores: {
    run: async (item) => {
      if (!item.workspaceId) throw new PermanentFailure("A score push needs its workspace.");
      try {
        await pushLabeledScores(item.workspaceId, parsePayload(pushScoresPayload, item.payload).conversationId);
      } catch (error) {
        throw asOutboxFailure(error);
      }
    },
  },
  follow_up_due: {
    run: async (item) => {
      try {
        await runDueFollowUp(parsePayload(followUpDuePayload, item.payload).followUpId, new Date());
      } catch (error) {
        throw asOutboxFailure(error);
      }
    },
  },
  notification_webhook: {
    run: async (item) => {
      await deliverNotificationWebhook(parsePayload(notificationWebhookPayload, item.payload).notificationId);
    },
  },
};
