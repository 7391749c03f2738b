// Tells Inngest a prospect wrote again (`leadbridge/prospect.replied`), so a
// follow-up sleeping for that conversation is cancelled (its cancelOn) and its
// row marked cancelled at once. Best effort and never awaited by a webhook
// answer: the due follow-up checks the database again before creating a task.
import { inngestConfigured } from "@/lib/env";
import { inngest } from "./client";
import { prospectRepliedEventName } from "./events";

export async function announceProspectReplies(conversationIds: readonly string[]): Promise<{ sent: number; error?: string }> {
  if (conversationIds.length === 0 || !inngestConfigured()) return { sent: 0 };
  try {
    await inngest.send(conversationIds.map((conversationId) => ({ name: prospectRepliedEventName, data: { conversationId } })));
    return { sent: conversationIds.length };
  } catch (error) {
    return { sent: 0, error: (error as Error).message };
  }
}
