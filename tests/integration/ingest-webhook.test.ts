// The WhatsApp webhook end to end against PostgreSQL, through the real route
// handlers and the inbox's processing: handshake, signatures, limits,
// idempotent storage in the right conversation, statuses, and extraction
// queued in the same transaction.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/webhooks/whatsapp/route";
import { db } from "@/lib/db/client";
import { signBody } from "@/lib/ingest/signature";
import {
  APP_SECRET,
  VERIFY_TOKEN,
  change,
  configureWebhook,
  deliver,
  messagesPayload,
  noParams,
  signedRequest,
  textMessage,
  uniqueId,
  unix,
  webhookPayload,
  workspaceWithNumber,
} from "../support/whatsapp";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const post = async (payload: unknown) => (await deliver(payload)).response;
/** What storing the delivery did (the inbox's run). */
const storing = async (payload: unknown) => (await deliver(payload)).stored;
const messagesOf = (workspaceId: string) => db().message.findMany({ where: { workspaceId }, orderBy: { sentAt: "asc" } });

beforeAll(() => configureWebhook());
afterEach(() => configureWebhook());

describe("GET handshake", () => {
  const handshake = (query: string) => GET(new Request(`http://127.0.0.1/api/webhooks/whatsapp?${query}`), noParams);

  it("answers the raw challenge as text when the token matches", async () => {
    const response = await handshake(`hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toBe("1158201444");
  });

  it("answers 403 to a wrong or missing token", async () => {
    expect((await handshake("hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")).status).toBe(403);
    expect((await handshake("hub.mode=subscribe&hub.challenge=1")).status).toBe(403);
    expect((await handshake("")).status).toBe(403);
  });

  it("answers 503 when no verify token is configured", async () => {
    configureWebhook({ verifyToken: null });
    const response = await handshake("hub.mode=subscribe&hub.verify_token=x&hub.challenge=1");
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });
});

describe("POST signature", () => {
  it("stores a correctly signed delivery and refuses a bad, missing or altered one with 401", async () => {
    const { workspace, phoneNumberId } = await workspaceWithNumber();
    const body = JSON.stringify(messagesPayload(phoneNumberId, "5511900000001", [textMessage("5511900000001", "Olá", new Date())]));

    expect((await POST(signedRequest(body, { secret: "not-the-secret" }), noParams)).status).toBe(401);
    expect((await POST(signedRequest(body, { signature: null }), noParams)).status).toBe(401);
    expect((await POST(signedRequest(body, { signature: "sha256=zz" }), noParams)).status).toBe(401);
    const altered = Buffer.from(body);
    altered[altered.indexOf("Ol")] = "o".charCodeAt(0);
    expect((await POST(signedRequest(altered, { signature: signBody(body, APP_SECRET) }), noParams)).status).toBe(401);
    // Refused deliveries are not even kept in the inbox.
    expect(await db().webhookDelivery.count()).toBe(0);
    expect(await db().message.count({ where: { workspaceId: workspace.id } })).toBe(0);

    const { response, stored } = await deliver(body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });
    expect(stored).toMatchObject({ deliveries: 1, stored: 1 });
    expect(await db().message.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });

  it("answers 503 and stores nothing when no app secret is configured", async () => {
    configureWebhook({ appSecret: null });
    const response = await POST(signedRequest("{}", { secret: "anything" }), noParams);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 503, detail: expect.stringContaining("not configured") });
  });
});

describe("POST body", () => {
  it("answers 413 to a body over 3 MB, 400 to malformed JSON and to a payload that is not a WhatsApp webhook", async () => {
    const huge = JSON.stringify({ object: "whatsapp_business_account", entry: [], padding: "x".repeat(3 * 1024 * 1024) });
    expect((await POST(signedRequest(huge), noParams)).status).toBe(413);
    const malformed = await POST(signedRequest('{"object": "whatsapp_business_account", "entry": ['), noParams);
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toBe("application/problem+json");
    for (const wrong of [{ object: "page", entry: [] }, { object: "whatsapp_business_account" }]) {
      const response = await post(wrong);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ status: 400, detail: expect.stringContaining("Not a WhatsApp Business webhook payload") });
    }
    expect(await db().webhookDelivery.count()).toBe(0);
  });
});

describe("storing messages", () => {
  it("stores a redelivered message once and keeps the conversation's counters right", async () => {
    const { workspace, phoneNumberId } = await workspaceWithNumber();
    const payload = messagesPayload(phoneNumberId, "5511900000002", [textMessage("5511900000002", "Quero um orçamento", new Date())], "Bia");
    expect(await storing(payload)).toMatchObject({ stored: 1, duplicates: 0 });
    const again = await deliver(payload);
    expect(again.response.status).toBe(200);
    expect(again.stored).toMatchObject({ stored: 0, duplicates: 1 });
    const conversations = await db().conversation.findMany({ where: { workspaceId: workspace.id } });
    expect(conversations).toHaveLength(1);
    expect(conversations[0]).toMatchObject({ source: "webhook", contactWaId: "5511900000002", contactProfileName: "Bia", messageCount: 1 });
  });

  it("orders messages by their own timestamp when a later one is delivered first", async () => {
    const { workspace, phoneNumberId } = await workspaceWithNumber();
    const waId = "5511900000003";
    const t0 = new Date(Date.now() - 10 * MINUTE);
    const t1 = new Date(t0.getTime() + 2 * MINUTE);
    await post(messagesPayload(phoneNumberId, waId, [textMessage(waId, "second", t1)]));
    await post(messagesPayload(phoneNumberId, waId, [textMessage(waId, "first", t0)]));
    const messages = await messagesOf(workspace.id);
    expect(messages.map((m) => m.body)).toEqual(["first", "second"]);
    const conversation = await db().conversation.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    expect(conversation.firstMessageAt.getTime()).toBe(Math.floor(t0.getTime() / 1000) * 1000);
    expect(conversation.lastMessageAt.getTime()).toBe(Math.floor(t1.getTime() / 1000) * 1000);
    expect(conversation.lastUserMessageAt?.getTime()).toBe(conversation.lastMessageAt.getTime());
    expect(conversation.messageCount).toBe(2);
  });

  it("opens a new conversation after the workspace's idle gap", async () => {
    const { workspace, phoneNumberId } = await workspaceWithNumber({ idleHours: 2 });
    const waId = "5511900000004";
    const start = new Date(Date.now() - 10 * HOUR);
    await post(messagesPayload(phoneNumberId, waId, [textMessage(waId, "a", start), textMessage(waId, "b", new Date(start.getTime() + HOUR))]));
    await post(messagesPayload(phoneNumberId, waId, [textMessage(waId, "c", new Date(start.getTime() + 4 * HOUR))]));
    const conversations = await db().conversation.findMany({ where: { workspaceId: workspace.id }, orderBy: { firstMessageAt: "asc" }, include: { messages: true } });
    expect(conversations.map((c) => c.messages.map((m) => m.body).sort())).toEqual([["a", "b"], ["c"]]);
    expect(conversations.map((c) => c.messageCount)).toEqual([2, 1]);
  });

  it("stores every message type with its type, a readable body and the raw object", async () => {
    const { workspace, phoneNumberId } = await workspaceWithNumber();
    const waId = "5511900000005";
    const at = unix(new Date(Date.now() - MINUTE));
    const typed: [string, Record<string, unknown>, string][] = [
      ["text", { text: { body: "oi" } }, "oi"],
      ["image", { image: { id: "1", caption: "telhado" } }, "[image: telhado]"],
      ["audio", { audio: { id: "2", voice: true } }, "[voice message]"],
      ["video", { video: { id: "3" } }, "[video]"],
      ["document", { document: { id: "4", filename: "conta.pdf" } }, "[document: conta.pdf]"],
      ["sticker", { sticker: { id: "5" } }, "[sticker]"],
      ["location", { location: { latitude: 1.5, longitude: 2.5, name: "Casa" } }, "[location: Casa, 1.5, 2.5]"],
      ["contacts", { contacts: [{ name: { formatted_name: "Rui" }, phones: [{ phone: "+5511" }] }] }, "[contact card: Rui (+5511)]"],
      ["interactive", { interactive: { type: "button_reply", button_reply: { id: "y", title: "Sim" } } }, "[button reply: Sim]"],
      ["interactive", { interactive: { type: "list_reply", list_reply: { id: "p", title: "Kit 5kW" } } }, "[list reply: Kit 5kW]"],
      ["button", { button: { text: "Quero", payload: "Q" } }, "[button: Quero]"],
      ["reaction", { reaction: { message_id: "wamid.out", emoji: "👍" } }, "[reaction 👍 to wamid.out]"],
      ["order", { order: { product_items: [{ product_retailer_id: "KIT", quantity: 1 }] } }, "[order: 1 item (KIT x1)]"],
      ["system", { system: { body: "changed number" } }, "[system: changed number]"],
      ["unsupported", { errors: [{ title: "Message type unknown" }] }, "[unsupported message: Message type unknown]"],
      ["brand_new_type", { brand_new_type: { x: 1 } }, "[brand_new_type message]"],
    ];
    const messages = typed.map(([type, content], index) => ({ from: waId, id: `wamid.type.${index}`, timestamp: at, type, ...content }));
    expect(await storing(messagesPayload(phoneNumberId, waId, messages))).toMatchObject({ stored: typed.length, badMessages: 0 });
    const stored = await db().message.findMany({ where: { workspaceId: workspace.id } });
    const byId = new Map(stored.map((m) => [m.providerMessageId, m]));
    typed.forEach(([type, content, body], index) => {
      const message = byId.get(`wamid.type.${index}`);
      expect(message).toMatchObject({ type, body, role: "user" });
      expect(message!.raw).toMatchObject(content);
    });
  });

  it("stores good messages beside a bad one and parks the bad one with its reason", async () => {
    const { workspace, phoneNumberId } = await workspaceWithNumber();
    const waId = "5511900000006";
    const now = new Date();
    const payload = messagesPayload(phoneNumberId, waId, [
      textMessage(waId, "good 1", now),
      { from: waId, id: "wamid.bad", timestamp: "not-a-time", type: "text", text: { body: "lost?" } },
      textMessage(waId, "good 2", now),
    ]);
    expect(await storing(payload)).toMatchObject({ stored: 2, badMessages: 1 });
    expect((await messagesOf(workspace.id)).map((m) => m.body).sort()).toEqual(["good 1", "good 2"]);
    const parked = await db().parkedWebhook.findMany({ where: { phoneNumberId } });
    expect(parked).toHaveLength(1);
    expect(parked[0]!.reason).toMatch(/^bad_message: invalid timestamp/);
    expect(parked[0]!.payload).toMatchObject({ workspaceId: workspace.id, message: { id: "wamid.bad" } });
    // Redelivery does not park it twice.
    await post(payload);
    expect(await db().parkedWebhook.count({ where: { phoneNumberId } })).toBe(1);
  });

  it("handles several entries and changes, for several contacts and numbers, in one payload", async () => {
    const a = await workspaceWithNumber();
    const b = await workspaceWithNumber();
    const now = new Date();
    const payload = {
      object: "whatsapp_business_account",
      entry: [
        { id: "WABA1", changes: [change(a.phoneNumberId, { contacts: [{ waId: "111111" }, { waId: "222222" }], messages: [textMessage("111111", "x", now), textMessage("222222", "y", now)] })] },
        { id: "WABA2", changes: [change(b.phoneNumberId, { contacts: [{ waId: "333333" }], messages: [textMessage("333333", "z", now)] }), { field: "account_update", value: {} }] },
      ],
    };
    expect(await storing(payload)).toMatchObject({ stored: 3 });
    expect(await db().conversation.count({ where: { workspaceId: a.workspace.id } })).toBe(2);
    expect(await db().conversation.count({ where: { workspaceId: b.workspace.id } })).toBe(1);
  });
});

describe("statuses", () => {
  it("moves our outbound message's delivery status forward only, and ignores unknown message ids", async () => {
    const { workspace, phoneNumberId } = await workspaceWithNumber();
    const conversation = await db().conversation.create({
      data: { workspaceId: workspace.id, source: "webhook", contactWaId: "5511900000007", firstMessageAt: new Date(), lastMessageAt: new Date() },
    });
    await db().message.create({
      data: { workspaceId: workspace.id, conversationId: conversation.id, providerMessageId: "wamid.out.1", role: "assistant", body: "Olá!", sentAt: new Date() },
    });
    const status = (id: string, value: string) => ({ id, status: value, timestamp: unix(new Date()), recipient_id: "5511900000007" });
    const statusOf = async () => (await db().message.findFirstOrThrow({ where: { providerMessageId: "wamid.out.1" } })).deliveryStatus;

    expect((await post(webhookPayload(change(phoneNumberId, { statuses: [status("wamid.out.1", "delivered")] })))).status).toBe(200);
    expect(await statusOf()).toBe("delivered");
    await post(webhookPayload(change(phoneNumberId, { statuses: [status("wamid.out.1", "read"), status("wamid.unknown", "read")] })));
    expect(await statusOf()).toBe("read");
    // A late "sent" does not move it back.
    await post(webhookPayload(change(phoneNumberId, { statuses: [status("wamid.out.1", "sent")] })));
    expect(await statusOf()).toBe("read");
  });
});

describe("extraction and opt-outs", () => {
  it("writes one pending extract_lead item per conversation with the messages, pushed later by each new message", async () => {
    const { workspace, phoneNumberId } = await workspaceWithNumber();
    const waId = "5511900000008";
    const before = Date.now();
    await post(messagesPayload(phoneNumberId, waId, [textMessage(waId, "oi", new Date())]));
    const conversation = await db().conversation.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    const first = await db().outboxItem.findMany({ where: { workspaceId: workspace.id, kind: "extract_lead" } });
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ status: "pending", dedupeKey: conversation.id, payload: { conversationId: conversation.id } });
    // The quiet period (120 s by default) delays extraction.
    expect(first[0]!.availableAt.getTime()).toBeGreaterThanOrEqual(before + 119_000);

    await new Promise((resolve) => setTimeout(resolve, 20));
    await post(messagesPayload(phoneNumberId, waId, [textMessage(waId, "tudo bem?", new Date())]));
    const second = await db().outboxItem.findMany({ where: { workspaceId: workspace.id, kind: "extract_lead" } });
    expect(second).toHaveLength(1);
    expect(second[0]!.availableAt.getTime()).toBeGreaterThan(first[0]!.availableAt.getTime());

    // A pure redelivery asks for nothing new.
    const duplicate = messagesPayload(phoneNumberId, waId, [textMessage(waId, "again", new Date(), "wamid.fixed")]);
    await post(duplicate);
    const afterFirst = (await db().outboxItem.findFirstOrThrow({ where: { workspaceId: workspace.id } })).availableAt;
    await post(duplicate);
    expect((await db().outboxItem.findFirstOrThrow({ where: { workspaceId: workspace.id } })).availableAt).toEqual(afterFirst);
  });

  it("records an opt-out when the prospect's whole message is a stop word", async () => {
    const { workspace, phoneNumberId } = await workspaceWithNumber();
    const { isOptedOut } = await import("@/lib/ingest/opt-outs");
    await post(messagesPayload(phoneNumberId, "5511900000009", [textMessage("5511900000009", "não pare de mandar ofertas", new Date())]));
    expect(await isOptedOut(workspace.id, "5511900000009")).toBe(false);
    await post(messagesPayload(phoneNumberId, "5511900000009", [textMessage("5511900000009", "PARAR", new Date())]));
    expect(await isOptedOut(workspace.id, "5511900000009")).toBe(true);
    const optOut = await db().optOut.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    expect(optOut.messageId).not.toBeNull();
    // Sending STOP again is fine.
    expect((await post(messagesPayload(phoneNumberId, "5511900000009", [textMessage("5511900000009", "stop", new Date(), uniqueId("wamid"))]))).status).toBe(200);
    expect(await db().optOut.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });
});
