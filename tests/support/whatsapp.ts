// Helpers for ingestion integration tests: WhatsApp webhook payloads shaped as
// Meta sends them, signed with the test app secret, posted to the real route
// handlers and stored as the process_inbox job stores them; a workspace with a
// number and an API key.
import { createApiKey } from "@/lib/auth/api-keys";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { db } from "@/lib/db/client";
import { env, reloadEnv } from "@/lib/env";
import { processInbox, type InboxRun } from "@/lib/ingest/inbox-processor";
import { signBody } from "@/lib/ingest/signature";

export const APP_SECRET = "integration-app-secret";
export const VERIFY_TOKEN = "integration-verify-token";

/** Configures the webhook for this test file's process. */
export function configureWebhook(values: { appSecret?: string | null; verifyToken?: string | null } = {}): void {
  const set = (name: string, value: string | null | undefined, fallback: string) => {
    if (value === null) delete process.env[name];
    else process.env[name] = value ?? fallback;
  };
  set("WHATSAPP_APP_SECRET", values.appSecret, APP_SECRET);
  set("WHATSAPP_VERIFY_TOKEN", values.verifyToken, VERIFY_TOKEN);
  reloadEnv();
}

let counter = 0;
export const uniqueId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export async function workspaceWithNumber(options: { idleHours?: number } = {}) {
  const slug = uniqueId("ws");
  const phoneNumberId = uniqueId("pnid");
  const workspace = await db().workspace.create({
    data: {
      name: slug,
      slug,
      defaultCountry: "BR",
      conversationIdleHours: options.idleHours ?? 24,
      extractionQuietSeconds: env().EXTRACTION_QUIET_SECONDS,
      whatsappNumbers: { create: { phoneNumberId, displayPhoneNumber: "15550001111" } },
    },
  });
  const { key } = await createApiKey({ workspaceId: workspace.id, name: "test" });
  return { workspace, phoneNumberId, apiKey: key };
}

export const unix = (date: Date) => String(Math.floor(date.getTime() / 1000));

export type WaMessage = Record<string, unknown> & { id: string };

export function textMessage(from: string, text: string, at: Date, id = uniqueId("wamid")): WaMessage {
  return { from, id, timestamp: unix(at), type: "text", text: { body: text } };
}

export function change(phoneNumberId: string, value: { contacts?: { waId: string; name?: string }[]; messages?: unknown[]; statuses?: unknown[] }) {
  return {
    field: "messages",
    value: {
      messaging_product: "whatsapp",
      metadata: { display_phone_number: "15550001111", phone_number_id: phoneNumberId },
      ...(value.contacts && { contacts: value.contacts.map((c) => ({ profile: { name: c.name ?? "Prospect" }, wa_id: c.waId })) }),
      ...(value.messages && { messages: value.messages }),
      ...(value.statuses && { statuses: value.statuses }),
    },
  };
}

export function webhookPayload(...changes: unknown[]) {
  return { object: "whatsapp_business_account", entry: [{ id: "WABA", changes }] };
}

/** The payload for one contact's messages to one number. */
export function messagesPayload(phoneNumberId: string, waId: string, messages: unknown[], name = "Prospect") {
  return webhookPayload(change(phoneNumberId, { contacts: [{ waId, name }], messages }));
}

export function signedRequest(body: string | Buffer, options: { signature?: string | null; secret?: string } = {}): Request {
  const headers = new Headers({ "content-type": "application/json" });
  const signature = options.signature === undefined ? signBody(body, options.secret ?? APP_SECRET) : options.signature;
  if (signature !== null) headers.set("x-hub-signature-256", signature);
  return new Request("http://127.0.0.1/api/webhooks/whatsapp", { method: "POST", headers, body: new Uint8Array(Buffer.from(body)) });
}

export const noParams = { params: Promise.resolve({}) };

/**
 * Posts a signed payload to the webhook and, when it was accepted, works the
 * inbox as the process_inbox job does; `stored` is that run (null when refused).
 */
export async function deliver(payload: unknown, options?: Parameters<typeof signedRequest>[1]): Promise<{ response: Response; stored: InboxRun | null }> {
  const response = await POST(signedRequest(typeof payload === "string" ? payload : JSON.stringify(payload), options), noParams);
  return { response, stored: response.status === 200 ? await processInbox() : null };
}
