// Stores one contact's WhatsApp messages from one webhook change: each message
// once, in the contact's conversation for its time (see conversation-windows),
// with the conversation's counters recomputed and extraction requested (pushed
// back by the quiet period) in the same transaction. Writers for one contact are
// serialized, so concurrent redeliveries cannot open two conversations.
import { lockForTransaction } from "@/lib/db/locks";
import { db } from "@/lib/db/client";
import { assignConversations } from "./conversation-windows";
import { existingMessageIds, insertMessages, recordOptOuts, refreshConversationStats, requestExtraction, type NewMessage } from "./messages-store";
import type { InboundMessage } from "./whatsapp-payload";

const HOUR_MS = 3_600_000;

/** The workspace's own settings ingestion follows: its idle gap and its extraction quiet period. */
export type WorkspaceForIngest = { id: string; conversationIdleHours: number; extractionQuietSeconds: number };
/** What a workspace row must select for ingestion. */
export const workspaceForIngestSelect = { id: true, conversationIdleHours: true, extractionQuietSeconds: true } as const;
export type ContactMessagesResult = { stored: number; duplicates: number; conversationIds: string[]; optedOut: boolean };

export async function storeContactMessages(
  workspace: WorkspaceForIngest,
  /** The prospect, and the workspace's WhatsApp number (phone_number_id) they wrote to. */
  contact: { waId: string; profileName: string | null; toPhoneNumberId: string | null },
  messages: InboundMessage[],
  options: { now?: Date },
): Promise<ContactMessagesResult> {
  const now = options.now ?? new Date();
  const idleMs = workspace.conversationIdleHours * HOUR_MS;
  return db().$transaction(
    async (tx) => {
      await lockForTransaction(tx, `ingest:${workspace.id}:${contact.waId}`);
      const seen = await existingMessageIds(tx, workspace.id, messages.map((m) => m.providerMessageId));
      const fresh: InboundMessage[] = [];
      for (const message of messages) {
        if (seen.has(message.providerMessageId)) continue;
        seen.add(message.providerMessageId);
        fresh.push(message);
      }
      const duplicates = messages.length - fresh.length;
      if (fresh.length === 0) return { stored: 0, duplicates, conversationIds: [], optedOut: false };

      const times = fresh.map((m) => m.sentAt.getTime());
      const existing = await tx.conversation.findMany({
        where: {
          workspaceId: workspace.id,
          contactWaId: contact.waId,
          source: "webhook",
          lastMessageAt: { gte: new Date(Math.min(...times) - idleMs) },
          firstMessageAt: { lte: new Date(Math.max(...times) + idleMs) },
        },
        select: { id: true, firstMessageAt: true, lastMessageAt: true },
      });
      const { keys, windows } = assignConversations(existing, fresh.map((m) => m.sentAt), idleMs);

      const idByKey = new Map(existing.map((c) => [c.id, c.id]));
      for (const window of windows.filter((w) => w.isNew)) {
        const created = await tx.conversation.create({
          data: {
            workspaceId: workspace.id,
            source: "webhook",
            channel: "whatsapp",
            whatsappPhoneNumberId: contact.toPhoneNumberId,
            contactWaId: contact.waId,
            contactProfileName: contact.profileName,
            firstMessageAt: window.firstMessageAt,
            lastMessageAt: window.lastMessageAt,
          },
          select: { id: true },
        });
        idByKey.set(window.key, created.id);
      }

      const rows: NewMessage[] = fresh.map((message, index) => ({
        conversationId: idByKey.get(keys[index]!)!,
        providerMessageId: message.providerMessageId,
        role: "user",
        type: message.type,
        body: message.body,
        sentAt: message.sentAt,
        raw: message.raw,
      }));
      const stored = await insertMessages(tx, workspace.id, rows);
      const conversationIds = [...new Set(stored.map((m) => m.conversationId))];
      await refreshConversationStats(tx, conversationIds);
      if (contact.profileName) {
        await tx.conversation.updateMany({ where: { id: { in: conversationIds }, workspaceId: workspace.id }, data: { contactProfileName: contact.profileName } });
      }
      const extractAt = new Date(now.getTime() + workspace.extractionQuietSeconds * 1000);
      for (const conversationId of conversationIds) await requestExtraction(tx, workspace.id, conversationId, extractAt);
      const optedOut = await recordOptOuts(tx, workspace.id, contact.waId, stored);
      return { stored: stored.length, duplicates: messages.length - stored.length, conversationIds, optedOut };
    },
    { timeout: 20_000 },
  );
}
