// Conversations for the public API (GET /api/v1/conversations[/{id}]): newest
// activity first with keyset pagination over (lastMessageAt, id), and one
// conversation with its messages in the order they were sent. Always scoped to
// the caller's workspace: another workspace's id is simply not found.
import { isUuid } from "@/lib/http/params";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "./cursor";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

const conversationFields = {
  id: true,
  externalId: true,
  source: true,
  channel: true,
  contactWaId: true,
  contactProfileName: true,
  language: true,
  firstMessageAt: true,
  lastMessageAt: true,
  lastUserMessageAt: true,
  messageCount: true,
  createdAt: true,
} as const;

export async function listConversationsPage(workspaceId: string, options: { limit?: number; cursor?: string | null } = {}) {
  const limit = Math.min(Math.max(options.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  const rows = await db().conversation.findMany({
    where: {
      workspaceId,
      ...(after && {
        OR: [{ lastMessageAt: { lt: after.lastMessageAt } }, { lastMessageAt: after.lastMessageAt, id: { lt: after.id } }],
      }),
    },
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: conversationFields,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { conversations: page, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

export async function getConversationWithMessages(workspaceId: string, conversationId: string) {
  if (!isUuid(conversationId)) throw notFound("Conversation");
  const conversation = await db().conversation.findFirst({
    where: { id: conversationId, workspaceId },
    select: {
      ...conversationFields,
      messages: {
        orderBy: [{ sentAt: "asc" }, { receivedAt: "asc" }, { id: "asc" }],
        select: { id: true, providerMessageId: true, role: true, type: true, body: true, sentAt: true, receivedAt: true, deliveryStatus: true, raw: true },
      },
    },
  });
  if (!conversation) throw notFound("Conversation");
  return conversation;
}
