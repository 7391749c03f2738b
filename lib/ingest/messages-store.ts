// The storing primitives of chatbot imports (lib/ingest/import.ts), always
// inside the caller's transaction: insert messages once (a provider message id
// seen before is skipped, not an error), recompute a conversation's counters
// from its messages (so re-imports and reordering can never skew them), ask
// for extraction through the outbox, and record opt-outs. Webhook deliveries
// are stored in batches by store-deliveries.ts.
import { Prisma } from "@/lib/db/client";
import { extractLeadJob } from "@/lib/jobs/extract-lead";
import { isOptOutMessage } from "./opt-out";
import { metrics } from "@/lib/observability/metrics";

export type Tx = Prisma.TransactionClient;

export type NewMessage = {
  conversationId: string;
  providerMessageId: string;
  role: "user" | "assistant" | "agent";
  type: string;
  body: string;
  sentAt: Date;
  raw?: Record<string, unknown> | null;
};

export type StoredMessage = { id: string; conversationId: string; providerMessageId: string; role: string; type: string; body: string };

/** Inserts the messages not stored yet (ON CONFLICT DO NOTHING); returns only those inserted. */
export async function insertMessages(tx: Tx, workspaceId: string, messages: NewMessage[]): Promise<StoredMessage[]> {
  if (messages.length === 0) return [];
  const stored = await tx.message.createManyAndReturn({
    data: messages.map((message) => ({
      workspaceId,
      conversationId: message.conversationId,
      providerMessageId: message.providerMessageId,
      role: message.role,
      type: message.type,
      body: message.body,
      sentAt: message.sentAt,
      raw: (message.raw ?? undefined) as Prisma.InputJsonValue | undefined,
    })),
    skipDuplicates: true,
    select: { id: true, conversationId: true, providerMessageId: true, role: true, type: true, body: true },
  });
  metrics.messagesStored.inc(stored.length);
  return stored;
}

/** first/last/last-user message times and the count, from the stored messages themselves. */
export async function refreshConversationStats(tx: Tx, conversationIds: string[]): Promise<void> {
  if (conversationIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE conversations AS c
       SET message_count = s.message_count,
           first_message_at = s.first_message_at,
           last_message_at = s.last_message_at,
           last_user_message_at = s.last_user_message_at,
           updated_at = now()
      FROM (SELECT conversation_id,
                   count(*)::int AS message_count,
                   min(sent_at) AS first_message_at,
                   max(sent_at) AS last_message_at,
                   max(sent_at) FILTER (WHERE role = 'user') AS last_user_message_at
              FROM messages
             WHERE conversation_id = ANY(${conversationIds}::uuid[])
             GROUP BY conversation_id) AS s
     WHERE c.id = s.conversation_id`;
}

/**
 * Asks for (re-)extraction of a conversation. One pending item per conversation:
 * a newer request moves it to `availableAt` (the debounce).
 */
export async function requestExtraction(tx: Tx, workspaceId: string, conversationId: string, availableAt: Date): Promise<void> {
  await extractLeadJob.enqueue(tx, { conversationId }, { workspaceId, dedupeKey: conversationId, availableAt });
}

/** Records an opt-out for each contact whose new text message is a stop word. */
export async function recordOptOuts(tx: Tx, workspaceId: string, waId: string, stored: StoredMessage[]): Promise<boolean> {
  const stop = stored.find((message) => message.role === "user" && message.type === "text" && isOptOutMessage(message.body));
  if (!stop) return false;
  await tx.optOut.createMany({ data: [{ workspaceId, waId, messageId: stop.id }], skipDuplicates: true });
  return true;
}
