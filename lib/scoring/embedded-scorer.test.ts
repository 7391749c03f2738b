import { describe, expect, it } from "vitest";
import type { ConversationMessage } from "./conversation";
import { scoreConversation } from "./embedded-scorer";

let clock = Date.parse("2026-11-24T12:00:00Z");
function chat(...turns: [ConversationMessage["role"], string][]): ConversationMessage[] {
  return turns.map(([role, text], index) => ({ id: `m${index + 1}`, role, text, sentAt: new Date((clock += 60_000)) }));
}

describe("scoreConversation", () => {
  it("scores a hot English lead high, with the signals that drove it", () => {
    const score = scoreConversation(
      chat(
        ["user", "Hi, how much is the solar kit?"],
        ["assistant", "It is $4,000 installed."],
        ["user", "I need it urgently, can you call me? My email is ana@example.com"],
      ),
    );
    expect(score.intentScore).toBe(0.85);
    expect(score.objectionType).toBe("none");
    expect(score.followUpTone).toBe("urgency_alignment");
    expect(score.version).toBe(1);
    expect(score.signals.map((signal) => [signal.kind, signal.messageId])).toEqual([
      ["asks_price", "m1"],
      ["gives_contact", "m3"],
      ["urgency", "m3"],
      ["wants_call_or_visit", "m3"],
    ]);
    expect(score.signals[0]!.quote).toBe("Hi, how much is the solar kit?");
  });

  it.each([
    ["es", "¿Cuánto cuesta? Es muy caro para mí", "price", "value_proof"],
    ["pt", "Quanto custa? Achei caro demais", "price", "value_proof"],
    ["de", "Was kostet das? Das ist zu teuer", "price", "value_proof"],
    ["fr", "Quel est le prix ? C'est trop cher", "price", "value_proof"],
    ["hi-en", "Price kya hai? Bahut mehenga hai", "price", "value_proof"],
    ["en", "Not now, maybe next year", "timing", "nurture"],
    ["pt", "Agora não, só ano que vem", "timing", "nurture"],
    ["es", "Ahora no, el año que viene", "timing", "nurture"],
    ["en", "Is it reliable? Do you have reviews?", "trust", "reassurance"],
    ["pt", "Vocês são confiáveis? Tem avaliações?", "trust", "reassurance"],
    ["en", "I need to ask my boss first", "authority", "decision_support"],
    ["es", "Tengo que consultarlo con mi esposa", "authority", "decision_support"],
    ["pt", "Vou falar com a minha esposa", "authority", "decision_support"],
    ["de", "Ich muss mit meiner Frau sprechen", "authority", "decision_support"],
    ["fr", "Je dois demander à mon patron", "authority", "decision_support"],
    ["en", "I got another quote that is lower", "competitor", "competitive_contrast"],
    ["en", "Thanks, but I don't need it", "need", "nurture"],
  ])("reads a %s objection in %j as %s, recommending %s", (_lang, text, objection, tone) => {
    const score = scoreConversation(chat(["user", text]));
    expect(score.objectionType).toBe(objection);
    expect(score.followUpTone).toBe(tone);
  });

  it("does not take 'agora não' as urgency", () => {
    const score = scoreConversation(chat(["user", "Agora não, obrigado"]));
    expect(score.signals.map((signal) => signal.kind)).toEqual(["objection:timing"]);
  });

  it("recognizes the workspace's own competitor names", () => {
    const score = scoreConversation(chat(["user", "Globex offered me the same for less"]), { competitorNames: ["Globex"] });
    expect(score.objectionType).toBe("competitor");
    expect(score.signals[0]).toMatchObject({ kind: "objection:competitor", quote: "Globex offered me the same for less" });
  });

  it("chooses the most repeated objection, and the latest on a tie", () => {
    const tie = scoreConversation(chat(["user", "It's too expensive"], ["user", "Also I need to ask my wife"]));
    expect(tie.objectionType).toBe("authority");
    const repeated = scoreConversation(
      chat(["user", "Too expensive"], ["user", "I need to ask my wife"], ["user", "Can you give a discount?"]),
    );
    expect(repeated.objectionType).toBe("price");
  });

  it("lowers intent when the prospect says they do not need it", () => {
    const score = scoreConversation(chat(["user", "How much? Actually no, I'm not interested"]));
    expect(score.intentScore).toBe(0);
    expect(score.signals.find((signal) => signal.kind === "objection:need")?.effect).toBe(-0.3);
  });

  it("counts only what the prospect wrote, not the business's own words", () => {
    const score = scoreConversation(chat(["assistant", "Our price is great, call me today!"], ["user", "ok"]));
    expect(score.intentScore).toBe(0.1);
    expect(score.signals).toEqual([]);
    expect(score.followUpTone).toBe("nurture");
  });

  it("gives zero intent to an empty conversation", () => {
    expect(scoreConversation([])).toMatchObject({ intentScore: 0, objectionType: "none", followUpTone: "nurture" });
  });

  it("is deterministic whatever order the messages arrive in", () => {
    const messages = chat(["user", "Quanto custa?"], ["user", "Me liga amanhã, é urgente"]);
    expect(scoreConversation([...messages].reverse())).toEqual(scoreConversation(messages));
  });

  it("understands Hinglish buying signals", () => {
    const score = scoreConversation(chat(["user", "Mujhe jaldi chahiye, kitne ka hai? Call karo"]));
    expect(score.signals.map((signal) => signal.kind).sort()).toEqual(
      ["asks_price", "urgency", "wants_call_or_visit", "wants_to_buy"].sort(),
    );
    expect(score.intentScore).toBe(0.9);
  });
});
