import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseImportRequest } from "./import-format";

const conversation = {
  id: "conv-1",
  channel: "whatsapp",
  client: { name: "Shop", defaultCountry: "BR", products: [] },
  contact: { wa_id: "+5511987654321", profile_name: null },
  messages: [{ id: "wamid.1", role: "user", content: "Oi", at: "2026-03-16T11:20:00-03:00" }],
  expected: { name: null },
  notes: "ignored",
};

const paths = (body: unknown) => {
  try {
    parseImportRequest(body);
    return [];
  } catch (error) {
    return (error as z.ZodError).issues.map((issue) => issue.path.join("."));
  }
};

describe("parseImportRequest", () => {
  it("accepts one conversation or an array, and normalizes wa_id", () => {
    expect(parseImportRequest(conversation)).toHaveLength(1);
    expect(parseImportRequest([conversation, { ...conversation, id: "conv-2" }])).toHaveLength(2);
    expect(parseImportRequest(conversation)[0]!.contact.wa_id).toBe("5511987654321");
    expect(parseImportRequest({ ...conversation, channel: undefined })[0]!.channel).toBe("whatsapp");
  });

  it("names the path of each bad field", () => {
    expect(paths({ ...conversation, channel: "sms", messages: "x" })).toEqual(["channel", "messages"]);
    expect(paths([conversation, { ...conversation, messages: [{ ...conversation.messages[0], at: "2026-03-16 11:20" }, { id: "wamid.1", role: "user", content: 1, at: "2026-03-16T11:20:00Z" }] }])).toEqual([
      "1.messages.0.at",
      "1.messages.1.content",
      "1.messages.1.id",
    ]);
    expect(paths(null)).toEqual([""]);
    expect(paths([])).toEqual([""]);
    expect(paths(Array.from({ length: 501 }, () => conversation))).toEqual([""]);
  });
});
