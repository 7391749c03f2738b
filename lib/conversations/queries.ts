// Read access to conversations, always scoped to one workspace.
import { db } from "@/lib/db/client";

export type QueueRow = {
  id: string;
  contactName: string | null;
  contactWaId: string;
  language: string | null;
  lastMessageAt: Date;
  messageCount: number;
  lastMessage: string | null;
  proposal: { status: string; name: string | null; urgencyLevel: string | null; productInterest: string | null } | null;
};

/** A queue row as JSON (dates as ISO strings), for the dashboard's polling table. */
export type QueueRowData = Omit<QueueRow, "lastMessageAt"> & { lastMessageAt: string };

export const toQueueRowData = (row: QueueRow): QueueRowData => ({ ...row, lastMessageAt: row.lastMessageAt.toISOString() });

export async function listRecentConversations(workspaceId: string, limit = 50): Promise<QueueRow[]> {
  const rows = await db().conversation.findMany({
    where: { workspaceId },
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      contactProfileName: true,
      contactWaId: true,
      language: true,
      lastMessageAt: true,
      messageCount: true,
      messages: { orderBy: { sentAt: "desc" }, take: 1, select: { body: true } },
      leadProposal: { select: { status: true, name: true, urgencyLevel: true, productInterest: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    contactName: row.contactProfileName,
    contactWaId: row.contactWaId,
    language: row.language,
    lastMessageAt: row.lastMessageAt,
    messageCount: row.messageCount,
    lastMessage: row.messages[0]?.body ?? null,
    proposal: row.leadProposal,
  }));
}
