// Stores a batch of WhatsApp deliveries inside the caller's transaction (which
// holds the inbox lock, so batches never interleave), in a fixed number of
// statements whatever the batch's size: the owners of the numbers, the
// messages already stored, the contacts' conversations near the new messages,
// then multi-row inserts of new conversations and messages, one update of the
// touched conversations' counters (incremented by what was inserted, so a
// redelivery adds nothing), extraction requests in bulk (each pushed back by
// the quiet period), opt-outs, delivery statuses, and the cancelling of
// follow-ups a prospect answered. What cannot be stored is parked, never
// dropped: changes for a number no workspace owns, unreadable messages.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/client";
import { cancelFollowUpsAnsweredByProspect } from "@/lib/followups/run-due";
import { extractLeadJob } from "@/lib/jobs/extract-lead";
import { metrics } from "@/lib/observability/metrics";
import { assignConversations } from "./conversation-windows";
import { applyDeliveryStatuses, type WorkspaceStatus } from "./delivery-statuses";
import { isOptOutMessage } from "./opt-out";
import { parkPayload } from "./parking";
import { payloadOf, type InboundMessage, type WebhookChange } from "./whatsapp-payload";

type Tx = Prisma.TransactionClient;

const HOUR_MS = 3_600_000;

export type IngestSummary = {
  stored: number;
  duplicates: number;
  badMessages: number;
  statusesApplied: number;
  parked: string[];
  ignoredChanges: number;
  /** Conversations that gained messages. */
  conversationIds: string[];
};

export const emptyIngestSummary = (): IngestSummary => ({ stored: 0, duplicates: 0, badMessages: 0, statusesApplied: 0, parked: [], ignoredChanges: 0, conversationIds: [] });

export type StoreOptions = { now?: Date };

/** The workspace's own settings storing follows: its idle gap and its extraction quiet period. */
export const workspaceForIngestSelect = { id: true, conversationIdleHours: true, extractionQuietSeconds: true } as const;
type Workspace = { id: string; conversationIdleHours: number; extractionQuietSeconds: number };
/** A new message, with the workspace's number (phone_number_id) it was sent to. */
type Incoming = { workspace: Workspace; phoneNumberId: string; waId: string; profileName: string | null; message: InboundMessage };
type NewConversation = { id: string; workspaceId: string; phoneNumberId: string; waId: string; profileName: string | null; firstMessageAt: Date; lastMessageAt: Date };
type NewMessageRow = { id: string; workspaceId: string; conversationId: string; message: InboundMessage };
type Inserted = { id: string; workspace_id: string; conversation_id: string; sent_at: Date; type: string; body: string };

const contactKey = (workspaceId: string, waId: string) => `${workspaceId} ${waId}`;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** The workspace owning each phone_number_id, in one query. */
async function ownersOf(tx: Tx, changes: readonly WebhookChange[]): Promise<Map<string, Workspace>> {
  const phoneNumberIds = [...new Set(changes.map((change) => change.phoneNumberId).filter((id): id is string => id !== null))];
  if (phoneNumberIds.length === 0) return new Map();
  const numbers = await tx.whatsAppNumber.findMany({
    where: { phoneNumberId: { in: phoneNumberIds } },
    select: { phoneNumberId: true, workspace: { select: workspaceForIngestSelect } },
  });
  return new Map(numbers.map((number) => [number.phoneNumberId, number.workspace]));
}

/** The (workspace, provider message id) pairs already stored. */
async function storedMessageKeys(tx: Tx, incoming: readonly Incoming[]): Promise<Set<string>> {
  if (incoming.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ workspace_id: string; provider_message_id: string }[]>`
    SELECT m.workspace_id, m.provider_message_id
      FROM messages m
      JOIN unnest(${incoming.map((item) => item.workspace.id)}::uuid[], ${incoming.map((item) => item.message.providerMessageId)}::text[]) AS k(workspace_id, provider_message_id)
        ON m.workspace_id = k.workspace_id AND m.provider_message_id = k.provider_message_id`;
  return new Set(rows.map((row) => contactKey(row.workspace_id, row.provider_message_id)));
}

type Existing = { id: string; workspace_id: string; contact_wa_id: string; first_message_at: Date; last_message_at: Date };

/** Each contact's webhook conversations within its idle gap of its new messages, in one query. */
async function nearbyConversations(tx: Tx, contacts: readonly { workspace: Workspace; waId: string; times: number[] }[]): Promise<Map<string, Existing[]>> {
  const idle = (contact: (typeof contacts)[number]) => contact.workspace.conversationIdleHours * HOUR_MS;
  const rows = await tx.$queryRaw<Existing[]>`
    SELECT c.id, c.workspace_id, c.contact_wa_id, c.first_message_at, c.last_message_at
      FROM unnest(${contacts.map((c) => c.workspace.id)}::uuid[], ${contacts.map((c) => c.waId)}::text[],
                  ${contacts.map((c) => new Date(Math.min(...c.times) - idle(c)))}::timestamptz[],
                  ${contacts.map((c) => new Date(Math.max(...c.times) + idle(c)))}::timestamptz[]) AS k(workspace_id, wa_id, low, high)
      JOIN conversations c
        ON c.workspace_id = k.workspace_id AND c.contact_wa_id = k.wa_id AND c.source = 'webhook'
       AND c.last_message_at >= k.low AND c.first_message_at <= k.high`;
  return groupBy(rows, (row) => contactKey(row.workspace_id, row.contact_wa_id));
}

async function insertConversations(tx: Tx, rows: readonly NewConversation[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO conversations (id, workspace_id, source, channel, whatsapp_phone_number_id, contact_wa_id, contact_profile_name, first_message_at, last_message_at, message_count, updated_at)
    SELECT id, workspace_id, 'webhook', 'whatsapp', phone_number_id, wa_id, profile_name, first_at, last_at, 0, now()
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.workspaceId)}::uuid[], ${rows.map((r) => r.phoneNumberId)}::text[], ${rows.map((r) => r.waId)}::text[],
                  ${rows.map((r) => r.profileName)}::text[], ${rows.map((r) => r.firstMessageAt)}::timestamptz[], ${rows.map((r) => r.lastMessageAt)}::timestamptz[])
        AS n(id, workspace_id, phone_number_id, wa_id, profile_name, first_at, last_at)`;
}

/** Inserts the messages (a stored id is skipped, never an error); returns those inserted. */
async function insertMessages(tx: Tx, rows: readonly NewMessageRow[]): Promise<Inserted[]> {
  if (rows.length === 0) return [];
  return tx.$queryRaw<Inserted[]>`
    INSERT INTO messages (id, workspace_id, conversation_id, provider_message_id, role, type, body, raw, sent_at, received_at)
    SELECT id, workspace_id, conversation_id, provider_message_id, 'user', type, body, raw, sent_at, clock_timestamp()
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.workspaceId)}::uuid[], ${rows.map((r) => r.conversationId)}::uuid[],
                  ${rows.map((r) => r.message.providerMessageId)}::text[], ${rows.map((r) => r.message.type)}::text[], ${rows.map((r) => r.message.body)}::text[],
                  ${rows.map((r) => JSON.stringify(r.message.raw))}::jsonb[], ${rows.map((r) => r.message.sentAt)}::timestamptz[])
        AS n(id, workspace_id, conversation_id, provider_message_id, type, body, raw, sent_at)
    ON CONFLICT (workspace_id, provider_message_id) DO NOTHING
    RETURNING id, workspace_id, conversation_id, sent_at, type, body`;
}

/** Adds what was inserted to each conversation's counters (and its latest profile name). */
async function addToCounters(tx: Tx, inserted: readonly Inserted[], profileNames: Map<string, string | null>): Promise<string[]> {
  const byConversation = groupBy(inserted, (row) => row.conversation_id);
  const ids = [...byConversation.keys()];
  if (ids.length === 0) return [];
  const times = ids.map((id) => byConversation.get(id)!.map((row) => row.sent_at.getTime()));
  // Every webhook message is the prospect's, so the latest is also the latest user message.
  await tx.$executeRaw`
    UPDATE conversations c
       SET message_count = c.message_count + s.added,
           first_message_at = LEAST(c.first_message_at, s.first_at),
           last_message_at = GREATEST(c.last_message_at, s.last_at),
           last_user_message_at = GREATEST(c.last_user_message_at, s.last_at),
           contact_profile_name = COALESCE(s.profile_name, c.contact_profile_name),
           updated_at = now()
      FROM unnest(${ids}::uuid[], ${ids.map((id) => byConversation.get(id)!.length)}::int[],
                  ${times.map((list) => new Date(Math.min(...list)))}::timestamptz[], ${times.map((list) => new Date(Math.max(...list)))}::timestamptz[],
                  ${ids.map((id) => profileNames.get(id) ?? null)}::text[]) AS s(id, added, first_at, last_at, profile_name)
     WHERE c.id = s.id`;
  return ids;
}

/** One opt-out per contact whose new text message is, as a whole, a stop word. */
async function recordOptOuts(tx: Tx, inserted: readonly Inserted[], contactOf: Map<string, { workspace: Workspace; waId: string }>): Promise<void> {
  const stops = new Map<string, { workspaceId: string; waId: string; messageId: string }>();
  for (const row of inserted) {
    if (row.type !== "text" || !isOptOutMessage(row.body)) continue;
    const { workspace, waId } = contactOf.get(row.conversation_id)!;
    const key = contactKey(workspace.id, waId);
    if (!stops.has(key)) stops.set(key, { workspaceId: workspace.id, waId, messageId: row.id });
  }
  if (stops.size === 0) return;
  const list = [...stops.values()];
  await tx.$executeRaw`
    INSERT INTO opt_outs (id, workspace_id, wa_id, message_id)
    SELECT gen_random_uuid(), workspace_id, wa_id, message_id
      FROM unnest(${list.map((s) => s.workspaceId)}::uuid[], ${list.map((s) => s.waId)}::text[], ${list.map((s) => s.messageId)}::uuid[]) AS s(workspace_id, wa_id, message_id)
    ON CONFLICT (workspace_id, wa_id) DO NOTHING`;
}

/** Parks what no workspace can take: per delivery, the changes for each unknown number together. */
async function parkUnrouted(tx: Tx, unrouted: readonly WebhookChange[], summary: IngestSummary): Promise<void> {
  for (const [phoneNumberId, changes] of groupBy(unrouted, (change) => change.phoneNumberId ?? "")) {
    const parked = await parkPayload(
      {
        phoneNumberId: phoneNumberId || null,
        payload: payloadOf(changes),
        kind: phoneNumberId ? "unknown_phone_number_id" : "no_phone_number_id",
        detail: phoneNumberId ? `no workspace owns phone_number_id ${phoneNumberId}` : "the change has no metadata.phone_number_id",
      },
      tx,
    );
    summary.parked.push(parked.id);
  }
}

/**
 * Stores deliveries (each the changes of one webhook payload) in order,
 * inside `tx`. Call it under the inbox lock (withInboxLock).
 */
export async function storeDeliveries(tx: Tx, deliveries: readonly WebhookChange[][], options: StoreOptions): Promise<IngestSummary> {
  const now = options.now ?? new Date();
  const summary = emptyIngestSummary();
  const messageChanges = deliveries.map((changes) => changes.filter((change) => change.field === "messages"));
  summary.ignoredChanges = deliveries.flat().length - messageChanges.flat().length;
  const owners = await ownersOf(tx, messageChanges.flat());

  const incoming: Incoming[] = [];
  const statuses: WorkspaceStatus[] = [];
  for (const changes of messageChanges) {
    const unrouted: WebhookChange[] = [];
    for (const change of changes) {
      const phoneNumberId = change.phoneNumberId;
      const workspace = phoneNumberId ? owners.get(phoneNumberId) : undefined;
      if (!workspace || !phoneNumberId) {
        unrouted.push(change);
        continue;
      }
      for (const bad of change.badMessages) {
        const parked = await parkPayload({ phoneNumberId: change.phoneNumberId, payload: { workspaceId: workspace.id, message: bad.raw }, kind: "bad_message", detail: bad.reason }, tx);
        summary.parked.push(parked.id);
        summary.badMessages += 1;
      }
      for (const message of change.messages) incoming.push({ workspace, phoneNumberId, waId: message.from, profileName: change.profileNames.get(message.from) ?? null, message });
      for (const status of change.statuses) statuses.push({ ...status, workspaceId: workspace.id });
    }
    await parkUnrouted(tx, unrouted, summary);
  }

  // Each message once: the first of its copies in the batch, and only if not stored before.
  const stored = await storedMessageKeys(tx, incoming);
  const fresh: Incoming[] = [];
  for (const item of incoming) {
    const key = contactKey(item.workspace.id, item.message.providerMessageId);
    if (stored.has(key)) continue;
    stored.add(key);
    fresh.push(item);
  }
  summary.duplicates = incoming.length - fresh.length;

  const byContact = groupBy(fresh, (item) => contactKey(item.workspace.id, item.waId));
  const contacts = [...byContact.values()].map((items) => ({ workspace: items[0]!.workspace, waId: items[0]!.waId, items, times: items.map((item) => item.message.sentAt.getTime()) }));
  const nearby = contacts.length > 0 ? await nearbyConversations(tx, contacts) : new Map<string, Existing[]>();

  const newConversations: NewConversation[] = [];
  const messageRows: NewMessageRow[] = [];
  const profileNames = new Map<string, string | null>();
  const contactOf = new Map<string, { workspace: Workspace; waId: string }>();
  for (const contact of contacts) {
    const workspaceId = contact.workspace.id;
    const existing = (nearby.get(contactKey(workspaceId, contact.waId)) ?? []).map((row) => ({ id: row.id, firstMessageAt: row.first_message_at, lastMessageAt: row.last_message_at }));
    const { keys, windows } = assignConversations(existing, contact.items.map((item) => item.message.sentAt), contact.workspace.conversationIdleHours * HOUR_MS);
    const profileName = contact.items.findLast((item) => item.profileName)?.profileName ?? null;
    const idOf = new Map(existing.map((row) => [row.id, row.id]));
    for (const window of windows.filter((candidate) => candidate.isNew)) {
      const id = randomUUID();
      idOf.set(window.key, id);
      // The number its first delivered message was sent to.
      const phoneNumberId = contact.items[keys.indexOf(window.key)]!.phoneNumberId;
      newConversations.push({ id, workspaceId, phoneNumberId, waId: contact.waId, profileName, firstMessageAt: window.firstMessageAt, lastMessageAt: window.lastMessageAt });
    }
    contact.items.forEach((item, index) => {
      const conversationId = idOf.get(keys[index]!)!;
      profileNames.set(conversationId, profileName);
      contactOf.set(conversationId, { workspace: contact.workspace, waId: contact.waId });
      messageRows.push({ id: randomUUID(), workspaceId, conversationId, message: item.message });
    });
  }
  await insertConversations(tx, newConversations);
  const inserted = await insertMessages(tx, messageRows);
  metrics.messagesStored.inc(inserted.length);
  summary.stored = inserted.length;
  summary.duplicates += messageRows.length - inserted.length;
  summary.conversationIds = await addToCounters(tx, inserted, profileNames);

  await extractLeadJob.enqueueMany(
    tx,
    summary.conversationIds.map((conversationId) => {
      const { workspace } = contactOf.get(conversationId)!;
      return { payload: { conversationId }, workspaceId: workspace.id, dedupeKey: conversationId, availableAt: new Date(now.getTime() + workspace.extractionQuietSeconds * 1000) };
    }),
  );
  await recordOptOuts(tx, inserted, contactOf);
  summary.statusesApplied = await applyDeliveryStatuses(tx, statuses);
  // Every stored webhook message is the prospect's: follow-ups it answers stop.
  await cancelFollowUpsAnsweredByProspect(summary.conversationIds, tx);
  return summary;
}
