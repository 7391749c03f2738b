// Event names and payloads. One event per outbox kind; the payload is the
// outbox item's id and the event id is the same id, so a resend is de-duplicated.
import { z } from "zod";
import type { OutboxKind } from "@/lib/outbox/outbox";

// workspaceId keys throttles and batches per CRM account; conversationId (when
// the item's payload names one) lets a reply cancel a run; functions re-read the item.
export const outboxEventData = z.object({
  outboxItemId: z.uuid(),
  workspaceId: z.uuid().nullable().optional(),
  conversationId: z.uuid().nullable().optional(),
});
export type OutboxEventData = z.infer<typeof outboxEventData>;

export function outboxEventName(kind: OutboxKind): `leadbridge/${OutboxKind}` {
  return `leadbridge/${kind}`;
}

/** Sent when a prospect's message is stored: cancels the conversation's sleeping follow-up. */
export const prospectRepliedEventName = "leadbridge/prospect.replied";
export const prospectRepliedEventData = z.object({ conversationId: z.uuid() });
export type ProspectRepliedEventData = z.infer<typeof prospectRepliedEventData>;
