// Ingests a verified, parsed WhatsApp webhook: routes each change to the
// workspace owning its phone_number_id, stores its messages per contact, applies
// delivery statuses, and parks what cannot be stored (unknown numbers, unreadable
// messages). Meta gets a 200 either way; it would otherwise retry for days.
import { db } from "@/lib/db/client";
import { storeContactMessages, workspaceForIngestSelect, type WorkspaceForIngest } from "./contact-messages";
import { applyDeliveryStatuses } from "./delivery-statuses";
import { parkPayload } from "./parking";
import { payloadOf, type InboundMessage, type WebhookChange } from "./whatsapp-payload";

export type IngestSummary = {
  stored: number;
  duplicates: number;
  badMessages: number;
  statusesApplied: number;
  parked: string[];
  ignoredChanges: number;
  conversationIds: string[];
};

export type IngestOptions = { now?: Date };

const emptySummary = (): IngestSummary => ({ stored: 0, duplicates: 0, badMessages: 0, statusesApplied: 0, parked: [], ignoredChanges: 0, conversationIds: [] });

/** Stores one change into a workspace already known to own it. */
export async function ingestChange(workspace: WorkspaceForIngest, change: WebhookChange, options: IngestOptions, summary = emptySummary()): Promise<IngestSummary> {
  for (const bad of change.badMessages) {
    const parked = await parkPayload({
      phoneNumberId: change.phoneNumberId,
      payload: { workspaceId: workspace.id, message: bad.raw },
      kind: "bad_message",
      detail: bad.reason,
    });
    summary.parked.push(parked.id);
    summary.badMessages += 1;
  }
  const byContact = new Map<string, InboundMessage[]>();
  for (const message of change.messages) byContact.set(message.from, [...(byContact.get(message.from) ?? []), message]);
  for (const [waId, messages] of byContact) {
    const result = await storeContactMessages(workspace, { waId, profileName: change.profileNames.get(waId) ?? null, toPhoneNumberId: change.phoneNumberId }, messages, options);
    summary.stored += result.stored;
    summary.duplicates += result.duplicates;
    summary.conversationIds.push(...result.conversationIds.filter((id) => !summary.conversationIds.includes(id)));
  }
  if (change.statuses.length > 0) summary.statusesApplied += await applyDeliveryStatuses(workspace.id, change.statuses);
  return summary;
}

export async function ingestWebhook(changes: WebhookChange[], options: IngestOptions): Promise<IngestSummary> {
  const summary = emptySummary();
  const messageChanges = changes.filter((change) => change.field === "messages");
  summary.ignoredChanges = changes.length - messageChanges.length;

  const phoneNumberIds = [...new Set(messageChanges.map((change) => change.phoneNumberId).filter((id): id is string => id !== null))];
  const numbers = await db().whatsAppNumber.findMany({
    where: { phoneNumberId: { in: phoneNumberIds } },
    select: { phoneNumberId: true, workspace: { select: workspaceForIngestSelect } },
  });
  const owners = new Map(numbers.map((number) => [number.phoneNumberId, number.workspace]));

  const unrouted = new Map<string | null, WebhookChange[]>();
  for (const change of messageChanges) {
    const workspace = change.phoneNumberId ? owners.get(change.phoneNumberId) : undefined;
    if (workspace) await ingestChange(workspace, change, options, summary);
    else unrouted.set(change.phoneNumberId, [...(unrouted.get(change.phoneNumberId) ?? []), change]);
  }
  for (const [phoneNumberId, parkedChanges] of unrouted) {
    const parked = await parkPayload({
      phoneNumberId,
      payload: payloadOf(parkedChanges),
      kind: phoneNumberId ? "unknown_phone_number_id" : "no_phone_number_id",
      detail: phoneNumberId ? `no workspace owns phone_number_id ${phoneNumberId}` : "the change has no metadata.phone_number_id",
    });
    summary.parked.push(parked.id);
  }
  return summary;
}
