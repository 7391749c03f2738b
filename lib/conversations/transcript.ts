// A conversation's messages in time order, as the pure cores (extraction,
// scoring, follow-up planning) read them. Scoped by workspace.
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

export type TranscriptMessage = { id: string; providerMessageId: string; role: "user" | "assistant" | "agent"; type: string; text: string; sentAt: Date };

export type Transcript = {
  conversationId: string;
  workspaceId: string;
  contactWaId: string;
  contactProfileName: string | null;
  lastUserMessageAt: Date | null;
  messages: TranscriptMessage[];
};

export async function loadTranscript(workspaceId: string, conversationId: string): Promise<Transcript> {
  const transcript = (await loadTranscripts(workspaceId, [conversationId])).get(conversationId);
  if (!transcript) throw notFound("Conversation");
  return transcript;
}

/** The transcripts of many conversations of one workspace in one query, by conversation id (none for one that does not exist). */
export async function loadTranscripts(workspaceId: string, conversationIds: readonly string[]): Promise<Map<string, Transcript>> {
  const conversations = await db().conversation.findMany({
    where: { id: { in: [...conversationIds] }, workspaceId },
    select: {
      id: true,
      workspaceId: true,
      contactWaId: true,
      contactProfileName: true,
      lastUserMessageAt: true,
      messages: { orderBy: [{ sentAt: "asc" }, { receivedAt: "asc" }], select: { id: true, providerMessageId: true, role: true, type: true, body: true, sentAt: true } },
    },
  });
  return new Map(conversations.map((conversation) => [conversation.id, {
    conversationId: conversation.id,
    workspaceId: conversation.workspaceId,
    contactWaId: conversation.contactWaId,
    contactProfileName: conversation.contactProfileName,
    lastUserMessageAt: conversation.lastUserMessageAt,
    messages: conversation.messages.map((message) => ({
      id: message.id,
      providerMessageId: message.providerMessageId,
      role: message.role as TranscriptMessage["role"],
      type: message.type,
      text: message.body,
      sentAt: message.sentAt,
    })),
  }]));
}
