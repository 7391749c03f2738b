import { describe, expect, it } from "vitest";
import { ConversationFileError, parseConversationFile } from "./conversation-file";
import { embeddedExtractor } from "./embedded-provider";
import { toLeadLine } from "./lead-line";

const exported = {
  id: "c-1",
  channel: "whatsapp",
  client: { name: "Clínica Sorriso", defaultCountry: "br", products: ["Clareamento Dental", "Implante"] },
  contact: { wa_id: "5511987654321", profile_name: null },
  messages: [
    { id: "w1", role: "user", content: "Oi, quanto custa o clareamento? Sou a Paula Reis", at: "2026-05-04T10:00:00-03:00" },
    { id: "w2", role: "assistant", content: "R$ 900. Seu email?", at: "2026-05-04T10:01:00-03:00" },
    { id: "w3", role: "user", content: "paula.reis@gmail.com", at: "2026-05-04T10:02:00-03:00" },
  ],
  expected: { name: "ignored" },
  notes: "ignored",
};

describe("conversation export file", () => {
  it("maps the export format to the extraction input, ignoring test-only keys", () => {
    const input = parseConversationFile(JSON.stringify(exported));
    expect(input).toEqual({
      id: "c-1",
      defaultCountry: "BR",
      products: ["Clareamento Dental", "Implante"],
      contact: { waId: "5511987654321", profileName: null },
      messages: exported.messages,
    });
  });

  it("names the problem in a malformed file", () => {
    expect(() => parseConversationFile("{ not json")).toThrow(ConversationFileError);
    expect(() => parseConversationFile("{ not json")).toThrow(/not valid JSON/);
    const noMessages = { ...exported, messages: undefined };
    expect(() => parseConversationFile(JSON.stringify(noMessages))).toThrow(/messages/);
    const badRole = { ...exported, messages: [{ ...exported.messages[0], role: "bot" }] };
    expect(() => parseConversationFile(JSON.stringify(badRole))).toThrow(/messages\.0\.role/);
  });

  it("prints one lead line with nulls for missing values", async () => {
    const line = toLeadLine(await embeddedExtractor.extract(parseConversationFile(JSON.stringify(exported))));
    expect(line).toMatchObject({
      id: "c-1",
      lead: { name: "Paula Reis", email: "paula.reis@gmail.com", phone: "+5511987654321", company: null, product_interest: "Clareamento Dental", urgency_level: "low" },
      validation: { email_valid: true, phone_valid: true, phone_type: "mobile" },
      qualifies: true,
    });
    expect(line.evidence?.email).toEqual({ messageId: "w3", quote: "paula.reis@gmail.com" });
    expect(line.evidence?.company).toBeNull();
  });

  it("turns a provider failure into a line with the reason and no lead", () => {
    expect(toLeadLine({ ok: false, conversationId: "c-9", provider: "llm", reason: "the model returned invalid JSON" })).toMatchObject({
      id: "c-9",
      lead: null,
      qualifies: false,
      error: "the model returned invalid JSON",
    });
  });
});
