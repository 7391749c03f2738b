import { describe, expect, it } from "vitest";
import { parseUnixSeconds, payloadOf, readMessage, readWebhookPayload, type InboundMessage } from "./whatsapp-payload";

const now = new Date("2026-03-16T16:00:00Z");
const ts = String(Math.floor(new Date("2026-03-16T15:20:00Z").getTime() / 1000));

function payload(messages: unknown[], extra: Record<string, unknown> = {}) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "WABA_ID",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550001111", phone_number_id: "PNID" },
              contacts: [{ profile: { name: "Ana" }, wa_id: "5511987654321", user_id: "BR.123" }],
              messages,
              ...extra,
            },
          },
        ],
      },
    ],
  };
}

const message = (type: string, body: Record<string, unknown>) => ({ from: "5511987654321", id: `wamid.${type}`, timestamp: ts, type, ...body });

function readOne(raw: unknown): InboundMessage {
  const result = readMessage(raw, null, now);
  if ("reason" in result) throw new Error(result.reason);
  return result;
}

describe("readWebhookPayload", () => {
  it("reads the business number, the contact's profile name and a text message", () => {
    const [change] = readWebhookPayload(payload([message("text", { text: { body: "Oi, tudo bem?" } })]), now);
    expect(change).toMatchObject({ entryId: "WABA_ID", field: "messages", phoneNumberId: "PNID", displayPhoneNumber: "15550001111", badMessages: [] });
    expect(change!.profileNames.get("5511987654321")).toBe("Ana");
    expect(change!.messages).toEqual([
      expect.objectContaining({ providerMessageId: "wamid.text", from: "5511987654321", type: "text", body: "Oi, tudo bem?", sentAt: new Date("2026-03-16T15:20:00Z") }),
    ]);
  });

  it("refuses payloads that are not WhatsApp webhooks", () => {
    for (const bad of [{}, [], "x", null, { object: "page", entry: [] }, { object: "whatsapp_business_account" }, { object: "whatsapp_business_account", entry: {} }]) {
      expect(() => readWebhookPayload(bad, now)).toThrow(expect.objectContaining({ code: "bad_request" }));
    }
  });

  it("ignores unknown fields and tolerates a change without value", () => {
    const changes = readWebhookPayload({ object: "whatsapp_business_account", unknown: 1, entry: [{ id: "1", changes: [{ field: "account_update" }, "junk"] }, 7] }, now);
    expect(changes).toHaveLength(2);
    expect(changes[0]).toMatchObject({ field: "account_update", phoneNumberId: null, messages: [], statuses: [] });
  });

  it("keeps good messages beside a malformed one and says what is wrong with it", () => {
    const [change] = readWebhookPayload(
      payload([
        message("text", { text: { body: "first" } }),
        { id: "wamid.bad-ts", from: "5511987654321", timestamp: "yesterday", type: "text", text: { body: "?" } },
        { from: "5511987654321", timestamp: ts, type: "text" },
        "not a message",
        { ...message("text", { text: { body: "second" } }), id: "wamid.second" },
      ]),
      now,
    );
    expect(change!.messages.map((m) => m.body)).toEqual(["first", "second"]);
    expect(change!.badMessages.map((m) => m.reason)).toEqual([
      expect.stringContaining("invalid timestamp"),
      expect.stringContaining("missing message id"),
      "message is not an object",
    ]);
  });

  it("takes the sender from the only contact when a message has no from", () => {
    const [change] = readWebhookPayload(payload([{ id: "wamid.x", timestamp: ts, type: "text", text: { body: "hi" }, from_user_id: "BR.123" }]), now);
    expect(change!.messages[0]!.from).toBe("5511987654321");
  });

  it("reads delivery statuses and skips unknown status values", () => {
    const [change] = readWebhookPayload(
      payload([], {
        statuses: [
          { id: "wamid.out1", status: "delivered", timestamp: ts, recipient_id: "5511987654321" },
          { id: "wamid.out2", status: "read", timestamp: ts },
          { id: "wamid.out3", status: "deleted", timestamp: ts },
          { status: "sent" },
        ],
      }),
      now,
    );
    expect(change!.statuses).toEqual([
      { providerMessageId: "wamid.out1", status: "delivered", recipientId: "5511987654321" },
      { providerMessageId: "wamid.out2", status: "read", recipientId: null },
    ]);
  });

  it("rebuilds a payload of selected changes for parking", () => {
    const changes = readWebhookPayload(payload([message("text", { text: { body: "hi" } })]), now);
    expect(readWebhookPayload(payloadOf(changes), now)[0]!.messages[0]!.body).toBe("hi");
  });
});

describe("every message type has a readable body", () => {
  it.each([
    ["text", { text: { body: "Quanto custa?" } }, "Quanto custa?"],
    ["image", { image: { id: "m1", mime_type: "image/jpeg", caption: "my roof" } }, "[image: my roof]"],
    ["image", { image: { id: "m1" } }, "[image]"],
    ["video", { video: { id: "m2", caption: "tour" } }, "[video: tour]"],
    ["audio", { audio: { id: "m3", voice: true } }, "[voice message]"],
    ["audio", { audio: { id: "m3" } }, "[audio]"],
    ["document", { document: { id: "m4", filename: "bill.pdf", caption: "last month" } }, "[document: bill.pdf, last month]"],
    ["sticker", { sticker: { id: "m5", animated: false } }, "[sticker]"],
    ["location", { location: { latitude: -23.55, longitude: -46.63, name: "Casa", address: "Rua A, 1" } }, "[location: Casa, Rua A, 1, -23.55, -46.63]"],
    ["contacts", { contacts: [{ name: { formatted_name: "João Silva" }, phones: [{ phone: "+55 11 91234-5678", wa_id: "5511912345678" }] }] }, "[contact card: João Silva (+55 11 91234-5678)]"],
    ["interactive", { interactive: { type: "button_reply", button_reply: { id: "yes", title: "Yes, call me" } } }, "[button reply: Yes, call me]"],
    ["interactive", { interactive: { type: "list_reply", list_reply: { id: "p1", title: "Solar 5kW", description: "home kit" } } }, "[list reply: Solar 5kW, home kit]"],
    ["button", { button: { text: "Interested", payload: "INTERESTED" } }, "[button: Interested]"],
    ["reaction", { reaction: { message_id: "wamid.out1", emoji: "👍" } }, "[reaction 👍 to wamid.out1]"],
    ["reaction", { reaction: { message_id: "wamid.out1" } }, "[reaction removed from wamid.out1]"],
    ["order", { order: { catalog_id: "c", text: "asap", product_items: [{ product_retailer_id: "SKU1", quantity: 2, item_price: 10, currency: "BRL" }] } }, "[order: 1 item (SKU1 x2), asap]"],
    ["system", { system: { body: "Ana changed their phone number", type: "user_changed_number" } }, "[system: Ana changed their phone number]"],
    ["unsupported", { errors: [{ code: 131051, title: "Message type unknown" }] }, "[unsupported message: Message type unknown]"],
    ["ephemeral", {}, "[ephemeral message]"],
  ])("%s -> %j", (type, body, expected) => {
    const read = readOne(message(type, body));
    expect(read.type).toBe(type);
    expect(read.body).toBe(expected);
    expect(read.raw).toMatchObject(body);
  });

  it("stores a message without a type as unknown rather than dropping it", () => {
    expect(readOne({ id: "wamid.x", from: "1", timestamp: ts })).toMatchObject({ type: "unknown", body: "[unknown message]" });
  });

  it("survives a type whose content is malformed", () => {
    expect(readOne(message("image", { image: "not-an-object" })).body).toBe("[image]");
    expect(readOne(message("text", { text: { body: 42 } })).body).toBe("[text message without text]");
  });
});

describe("parseUnixSeconds", () => {
  it("reads unix seconds as a string or a number", () => {
    expect(parseUnixSeconds("1773674400", now)).toEqual(new Date("2026-03-16T15:20:00Z"));
    expect(parseUnixSeconds(1773674400, now)).toEqual(new Date("2026-03-16T15:20:00Z"));
  });

  it("refuses what is not a plausible time", () => {
    for (const bad of ["", "abc", "-5", "1.5", "0", "99999999999", "2026-03-16T15:20:00Z"]) expect(parseUnixSeconds(bad, now)).toBeNull();
  });
});
