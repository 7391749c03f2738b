// Stores conversations a chatbot platform pushes in the export format. Idempotent
// on the conversation id (Conversation.externalId) and on message ids:
// re-importing a conversation with more messages appends only the new ones. Each
// conversation that gained messages gets an extraction request, due at once.
import { lockForTransaction } from "@/lib/db/locks";
import { db } from "@/lib/db/client";
import { insertMessages, recordOptOuts, refreshConversationStats, requestExtraction } from "./messages-store";
import type { ImportedConversation } from "./import-format";

export type ImportResult = { externalId: string; id: string; created: boolean; messagesAdded: number };

async function importOne(workspaceId: string, conversation: ImportedConversation, now: Date): Promise<ImportResult> {
  return db().$transaction(
    async (tx) => {
      await lockForTransaction(tx, `import:${workspaceId}:${conversation.id}`);
      const times = conversation.messages.map((message) => new Date(message.at));
      let row = await tx.conversation.findUnique({
        where: { workspaceId_externalId: { workspaceId, externalId: conversation.id } },
        select: { id: true },
      });
      const created = row === null;
      row ??= await tx.conversation.create({
        data: {
          workspaceId,
          externalId: conversation.id,
          source: "import",
          channel: conversation.channel,
          contactWaId: conversation.contact.wa_id,
          contactProfileName: conversation.contact.profile_name ?? null,
          firstMessageAt: new Date(Math.min(...times.map((t) => t.getTime()))),
          lastMessageAt: new Date(Math.max(...times.map((t) => t.getTime()))),
        },
        select: { id: true },
      });
      const conversationId = row.id;
      const stored = await insertMessages(
        tx,
        workspaceId,
        conversation.messages.map((message, index) => ({
          conversationId,
          providerMessageId: message.id,
          role: message.role,
          type: "text",
          body: message.content,
          sentAt: times[index]!,
        })),
      );
      if (stored.length > 0 || created) {
        await refreshConversationStats(tx, [conversationId]);
        if (conversation.contact.profile_name && !created) {
          await tx.conversation.update({ where: { id: conversationId }, data: { contactProfileName: conversation.contact.profile_name } });
        }
        await requestExtraction(tx, workspaceId, conversationId, now);
        await recordOptOuts(tx, workspaceId, conversation.contact.wa_id, stored);
      }
      return { externalId: conversation.id, id: conversationId, created, messagesAdded: stored.length };
    },
    { timeout: 30_000 },
  );
}

/** Imports conversations one transaction each, in order. */
export async function importConversations(workspaceId: string, conversations: ImportedConversation[], options: { now?: Date } = {}): Promise<ImportResult[]> {
  const now = options.now ?? new Date();
  const results: ImportResult[] = [];
  for (const conversation of conversations) results.push(await importOne(workspaceId, conversation, now));
  return results;
}
