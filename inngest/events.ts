// Event names and payloads. One event per job kind; the payload carries ids
// only and the function re-reads the outbox item. Each send of an item has its
// own event id (item id + send number): Inngest drops a repeated id for a day,
// so a resend after a lost event must not reuse it.
import { z } from "zod";

export const jobEventData = z.object({
  outboxItemId: z.uuid(),
  // Batches are per workspace.
  workspaceId: z.uuid().nullable().optional(),
  // The CRM account whose request budget throttles this run.
  crmAccount: z.string().optional(),
});
export type JobEventData = z.infer<typeof jobEventData>;

export function jobEventName(kind: string): `leadbridge/${string}` {
  return `leadbridge/${kind}`;
}

/** The id of an item's `send`th event (1, 2, ...). */
export function jobEventId(outboxItemId: string, send: number): string {
  return `${outboxItemId}-${send}`;
}

