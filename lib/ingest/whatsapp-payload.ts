// Reads a WhatsApp Business Cloud API webhook payload into what we store: per
// change, the business number it was sent to, the contacts' profile names, the
// messages (normalized) and the delivery statuses. Pure and tolerant: unknown
// fields are ignored, and one unreadable message is reported as bad without
// losing the good messages beside it. Only a payload that is not a WhatsApp
// webhook at all (wrong `object`, no `entry` array) is refused.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { messageBody } from "./message-body";

export type InboundMessage = {
  providerMessageId: string;
  /** The sender's wa_id: the channel-verified phone number. */
  from: string;
  type: string;
  body: string;
  sentAt: Date;
  raw: Record<string, unknown>;
};

export type BadMessage = { reason: string; raw: unknown };

export const deliveryStatuses = ["sent", "delivered", "read", "failed"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
export type StatusUpdate = { providerMessageId: string; status: DeliveryStatus; recipientId: string | null };

export type WebhookChange = {
  entryId: string | null;
  field: string;
  phoneNumberId: string | null;
  displayPhoneNumber: string | null;
  /** wa_id -> WhatsApp profile name. */
  profileNames: Map<string, string>;
  messages: InboundMessage[];
  badMessages: BadMessage[];
  statuses: StatusUpdate[];
  /** The change exactly as received, kept when it has to be parked. */
  raw: unknown;
};

export const WHATSAPP_OBJECT = "whatsapp_business_account";

const envelopeSchema = z.looseObject({
  object: z.literal(WHATSAPP_OBJECT, { error: `"object" must be "${WHATSAPP_OBJECT}"` }),
  entry: z.array(z.unknown(), { error: '"entry" must be an array' }),
});

const entrySchema = z.looseObject({ id: z.coerce.string().optional().catch(undefined), changes: z.array(z.unknown()).catch([]) });

const changeSchema = z.looseObject({
  field: z.string().catch("unknown"),
  value: z
    .looseObject({
      metadata: z
        .looseObject({ phone_number_id: z.coerce.string().optional().catch(undefined), display_phone_number: z.string().optional().catch(undefined) })
        .optional()
        .catch(undefined),
      contacts: z.array(z.unknown()).catch([]),
      messages: z.array(z.unknown()).catch([]),
      statuses: z.array(z.unknown()).catch([]),
    })
    .catch({ contacts: [], messages: [], statuses: [] }),
});

const contactSchema = z.looseObject({ wa_id: z.string().min(1), profile: z.looseObject({ name: z.string().optional() }).optional() });

const messageEnvelopeSchema = z.looseObject({
  id: z.string({ error: "missing message id" }).min(1, "missing message id"),
  from: z.string().min(1).optional(),
  timestamp: z.union([z.string(), z.number()], { error: "missing timestamp" }),
  type: z.string().min(1).optional(),
});

const statusSchema = z.looseObject({ id: z.string().min(1), status: z.string(), recipient_id: z.string().optional() });

/** Messages dated further ahead than this are refused: a clock that far off is a broken payload. */
const MAX_FUTURE_MS = 24 * 3_600_000;

/** WhatsApp timestamps are unix seconds as a string; anything else is a bad message. */
export function parseUnixSeconds(value: string | number, now = new Date()): Date | null {
  const text = String(value).trim();
  if (!/^\d{1,12}$/.test(text)) return null;
  const date = new Date(Number(text) * 1000);
  if (date.getTime() < Date.UTC(2009, 0, 1) || date.getTime() > now.getTime() + MAX_FUTURE_MS) return null;
  return date;
}

/** One message object, or the reason it cannot be stored. */
export function readMessage(raw: unknown, fallbackFrom: string | null, now = new Date()): InboundMessage | BadMessage {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { reason: "message is not an object", raw };
  const envelope = messageEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return { reason: envelope.error.issues.map((issue) => `${issue.path.join(".") || "message"}: ${issue.message}`).join("; "), raw };
  const from = envelope.data.from ?? fallbackFrom;
  if (!from) return { reason: "no sender (from) and no single contact to take it from", raw };
  const sentAt = parseUnixSeconds(envelope.data.timestamp, now);
  if (!sentAt) return { reason: `invalid timestamp ${JSON.stringify(envelope.data.timestamp)}`, raw };
  const type = envelope.data.type ?? "unknown";
  const object = raw as Record<string, unknown>;
  return { providerMessageId: envelope.data.id, from, type, body: messageBody(type, object), sentAt, raw: object };
}

const isBad = (message: InboundMessage | BadMessage): message is BadMessage => "reason" in message;

function readChange(entryId: string | null, rawChange: unknown, now: Date): WebhookChange {
  const change = changeSchema.safeParse(rawChange);
  const value = change.success ? change.data.value : { metadata: undefined, contacts: [], messages: [], statuses: [] };
  const profileNames = new Map<string, string>();
  const waIds: string[] = [];
  for (const rawContact of value.contacts) {
    const contact = contactSchema.safeParse(rawContact);
    if (!contact.success) continue;
    waIds.push(contact.data.wa_id);
    if (contact.data.profile?.name) profileNames.set(contact.data.wa_id, contact.data.profile.name);
  }
  const fallbackFrom = waIds.length === 1 ? waIds[0]! : null;
  const messages: InboundMessage[] = [];
  const badMessages: BadMessage[] = [];
  for (const rawMessage of value.messages) {
    const message = readMessage(rawMessage, fallbackFrom, now);
    if (isBad(message)) badMessages.push(message);
    else messages.push(message);
  }
  const statuses: StatusUpdate[] = [];
  for (const rawStatus of value.statuses) {
    const status = statusSchema.safeParse(rawStatus);
    if (!status.success || !(deliveryStatuses as readonly string[]).includes(status.data.status)) continue;
    statuses.push({ providerMessageId: status.data.id, status: status.data.status as DeliveryStatus, recipientId: status.data.recipient_id ?? null });
  }
  return {
    entryId,
    field: change.success ? change.data.field : "unknown",
    phoneNumberId: value.metadata?.phone_number_id ?? null,
    displayPhoneNumber: value.metadata?.display_phone_number ?? null,
    profileNames,
    messages,
    badMessages,
    statuses,
    raw: rawChange,
  };
}

/** The payload's entries; throws a 400 AppError when it is not a WhatsApp webhook at all (what the webhook refuses before keeping it). */
export function webhookEntries(json: unknown): unknown[] {
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    const reasons = envelope.error.issues.map((issue) => issue.message).join("; ");
    throw new AppError("bad_request", `Not a WhatsApp Business webhook payload: ${reasons}.`);
  }
  return envelope.data.entry;
}

/** Every change of every entry; throws a 400 AppError only when the payload is not a WhatsApp webhook. */
export function readWebhookPayload(json: unknown, now = new Date()): WebhookChange[] {
  return webhookEntries(json).flatMap((rawEntry) => {
    const entry = entrySchema.safeParse(rawEntry);
    if (!entry.success) return [];
    return entry.data.changes.map((rawChange) => readChange(entry.data.id ?? null, rawChange, now));
  });
}

/** A payload holding just these changes, as Meta would have sent them (what we park). */
export function payloadOf(changes: Pick<WebhookChange, "entryId" | "raw">[]): { object: string; entry: { id: string | null; changes: unknown[] }[] } {
  const entries = new Map<string | null, unknown[]>();
  for (const change of changes) entries.set(change.entryId, [...(entries.get(change.entryId) ?? []), change.raw]);
  return { object: WHATSAPP_OBJECT, entry: [...entries].map(([id, list]) => ({ id, changes: list })) };
}
