import { describe, expect, it } from "vitest";
import type { ConversationMessage } from "@/lib/scoring/conversation";
import { proposeFollowUp, type ProposeFollowUpInput } from "./proposal";

type Turn = [ConversationMessage["role"], string, string]; // role, text, sent at (ISO, UTC)

function conversation(...turns: Turn[]): ConversationMessage[] {
  return turns.map(([role, text, sentAt], index) => ({ id: `m${index + 1}`, role, text, sentAt: new Date(sentAt) }));
}

/** Proposes as if processed one minute after the last message. */
function propose(timezone: string, turns: Turn[], extra: Partial<ProposeFollowUpInput> = {}) {
  const messages = conversation(...turns);
  const last = Math.max(...messages.map((message) => message.sentAt.getTime()));
  return proposeFollowUp({ messages, timezone, now: new Date(last + 60_000), ...extra });
}

const due = (proposal: ReturnType<typeof proposeFollowUp>) => proposal?.dueAt.toISOString();

describe("proposeFollowUp: times the prospect asked for", () => {
  it("resolves 'Tuesday at 3pm' said the week US DST ends (2026-11-01) to 15:00 EST, not EDT", () => {
    // Thursday 29 Oct, 10:00 EDT (UTC-4); Tuesday 3 Nov is EST (UTC-5).
    const proposal = propose("America/New_York", [["user", "Can you call me Tuesday at 3pm?", "2026-10-29T14:00:00Z"]]);
    expect(proposal).toMatchObject({
      timezone: "America/New_York",
      channel: "call",
      rule: "requested_time",
      reason: 'Prospect asked to be contacted: "Can you call me Tuesday at 3pm?"',
      signal: { messageId: "m1", quote: "Can you call me Tuesday at 3pm?" },
      movedIntoBusinessHours: false,
      overdue: false,
    });
    expect(due(proposal)).toBe("2026-11-03T20:00:00.000Z");
  });

  it("resolves Spanish 'el martes a las 3' across Europe's DST change (2026-10-25) in Madrid", () => {
    // Thursday 22 Oct, 12:00 CEST (UTC+2); Tuesday 27 Oct is CET (UTC+1); "a las 3" is 15:00.
    const proposal = propose("Europe/Madrid", [["user", "Llámame el martes a las 3, por favor", "2026-10-22T10:00:00Z"]]);
    expect(due(proposal)).toBe("2026-10-27T14:00:00.000Z");
    expect(proposal?.channel).toBe("call");
  });

  it("resolves German 'Montag um 10 Uhr' across Europe's DST change in Berlin", () => {
    const proposal = propose("Europe/Berlin", [["user", "Ruf mich Montag um 10 Uhr an", "2026-10-23T09:00:00Z"]]);
    expect(due(proposal)).toBe("2026-10-26T09:00:00.000Z");
    expect(proposal?.channel).toBe("call");
  });

  it.each([
    ["Pode me ligar na segunda?", "2026-11-30T13:00:00.000Z", "call"], // Monday, no time -> 10:00 BRT
    ["Me liga amanhã às 10", "2026-11-25T13:00:00.000Z", "call"],
    ["me liga sexta às 15h", "2026-11-27T18:00:00.000Z", "call"],
    ["Pode ser amanhã de manhã", "2026-11-25T13:00:00.000Z", "whatsapp"],
    ["Fala comigo semana que vem", "2026-11-30T13:00:00.000Z", "whatsapp"],
    ["Só depois do dia 15", "2026-12-16T13:00:00.000Z", "whatsapp"],
  ])("São Paulo: %j -> %s by %s", (text, expected, channel) => {
    // Tuesday 24 Nov 2026, 11:00 BRT (UTC-3, no DST).
    const proposal = propose("America/Sao_Paulo", [["user", text, "2026-11-24T14:00:00Z"]], { languageHint: "pt" });
    expect(due(proposal)).toBe(expected);
    expect(proposal?.channel).toBe(channel);
  });

  it.each([
    ["America/New_York", "call me tomorrow at 10", "2026-11-25T15:00:00.000Z"],
    ["America/New_York", "Let's talk next week", "2026-11-30T15:00:00.000Z"],
    ["America/New_York", "Only after the 15th", "2026-12-16T15:00:00.000Z"],
    ["America/New_York", "call me at 3", "2026-11-24T20:00:00.000Z"], // a bare 3 is 15:00 today
    ["Asia/Kolkata", "call me tomorrow at 10", "2026-11-25T04:30:00.000Z"], // 10:00 IST (UTC+5:30)
    ["Asia/Kolkata", "kal subah 11 baje call karna", "2026-11-25T05:30:00.000Z"],
    ["Europe/Madrid", "mañana por la tarde", "2026-11-25T14:00:00.000Z"], // afternoon -> 15:00 CET
    ["Europe/Madrid", "la próxima semana", "2026-11-30T09:00:00.000Z"],
    ["Europe/Berlin", "ruf mich morgen an", "2026-11-25T09:00:00.000Z"], // no time -> 10:00 CET
    ["Europe/Paris", "rappelez-moi lundi", "2026-11-30T09:00:00.000Z"],
    ["Europe/Paris", "lundi à 15h", "2026-11-30T14:00:00.000Z"],
  ])("%s: %j -> %s", (zone, text, expected) => {
    // Tuesday 24 Nov 2026 at 13:00 UTC.
    expect(due(propose(zone, [["user", text, "2026-11-24T13:00:00Z"]]))).toBe(expected);
  });

  it("moves a Saturday request to Monday 09:00 and says so", () => {
    const proposal = propose("America/Sao_Paulo", [["user", "call me Saturday at 11am", "2026-11-24T14:00:00Z"]]);
    expect(due(proposal)).toBe("2026-11-30T12:00:00.000Z");
    expect(proposal?.movedIntoBusinessHours).toBe(true);
    expect(proposal?.reason).toBe('Prospect asked to be contacted: "call me Saturday at 11am" (asked for Sat 28 Nov 11:00, moved into business hours)');
  });

  it("moves 20:00 to 09:00 the next business day", () => {
    const proposal = propose("America/Sao_Paulo", [["user", "call me today at 8pm", "2026-11-24T12:00:00Z"]]);
    expect(due(proposal)).toBe("2026-11-25T12:00:00.000Z");
  });

  it("takes the latest time asked for, including our own promise to call back", () => {
    const proposal = propose("America/New_York", [
      ["user", "call me tomorrow at 10", "2026-11-24T13:00:00Z"],
      ["agent", "Sure! I'll call you Thursday at 11 instead, tomorrow we're closed.", "2026-11-24T13:05:00Z"],
    ]);
    expect(due(proposal)).toBe("2026-11-26T16:00:00.000Z");
    expect(proposal?.reason).toBe(`We promised to get back: "I'll call you Thursday at 11 instead, tomorrow we're closed."`);
    expect(proposal?.signal?.messageId).toBe("m2");
  });

  it("ignores times in the business's messages that promise nothing", () => {
    const proposal = propose("America/New_York", [
      ["user", "hello", "2026-11-24T13:00:00Z"],
      ["assistant", "Our store opens tomorrow at 9.", "2026-11-24T13:01:00Z"],
    ]);
    expect(proposal?.rule).toBe("nurture");
  });

  it("keeps a requested time that has already passed, flagged overdue", () => {
    const messages = conversation(["user", "call me tomorrow at 10", "2026-11-20T13:00:00Z"]);
    const proposal = proposeFollowUp({ messages, timezone: "America/New_York", now: new Date("2026-11-24T13:00:00Z") });
    // Said Friday 20 Nov: Saturday 10:00 moves to Monday 23 Nov 09:00 EST.
    expect(due(proposal)).toBe("2026-11-23T14:00:00.000Z");
    expect(proposal?.overdue).toBe(true);
  });

  it("ignores past times and falls back to the next rule", () => {
    const proposal = propose("America/New_York", [["user", "I called you yesterday", "2026-11-24T13:00:00Z"]]);
    expect(proposal?.rule).toBe("nurture");
  });

});

describe("proposeFollowUp: without a time asked for", () => {
  it("follows up an urgent prospect within one business hour", () => {
    // Processed Tuesday 11:01 BRT -> 12:01 BRT.
    const proposal = propose("America/Sao_Paulo", [["user", "Preciso disso urgente", "2026-11-24T14:00:00Z"]]);
    expect(due(proposal)).toBe("2026-11-24T15:01:00.000Z");
    expect(proposal).toMatchObject({ rule: "urgency", tone: "urgency_alignment", reason: 'Prospect is in a hurry: "Preciso disso urgente"' });
  });

  it("carries the last business hour over the weekend: Friday 17:30 -> Monday 09:30", () => {
    const messages = conversation(["user", "I need it asap", "2026-11-27T22:00:00Z"]);
    const proposal = proposeFollowUp({ messages, timezone: "America/New_York", now: new Date("2026-11-27T22:30:00Z") });
    expect(due(proposal)).toBe("2026-11-30T14:30:00.000Z");
  });

  it("does not treat 'not urgent' as urgency", () => {
    expect(propose("America/New_York", [["user", "No rush, it's not urgent", "2026-11-24T13:00:00Z"]])?.rule).toBe("nurture");
  });

  it("answers a quote request the next business morning", () => {
    // Tuesday 15:00 BRT -> Wednesday 10:00 BRT.
    const proposal = propose("America/Sao_Paulo", [
      ["user", "Oi! Vocês fazem instalação?", "2026-11-24T17:00:00Z"],
      ["assistant", "Sim, fazemos!", "2026-11-24T17:01:00Z"],
      ["user", "Me manda um orçamento", "2026-11-24T18:00:00Z"],
    ]);
    expect(due(proposal)).toBe("2026-11-25T13:00:00.000Z");
    expect(proposal).toMatchObject({ rule: "quote_requested", signal: { messageId: "m3", quote: "Me manda um orçamento" } });
  });

  it("answers an unanswered question the next business morning, Friday -> Monday", () => {
    const proposal = propose("Europe/Madrid", [
      ["user", "Hola", "2026-11-27T15:00:00Z"],
      ["assistant", "¡Hola! ¿En qué te ayudo?", "2026-11-27T15:01:00Z"],
      ["user", "Cuánto tarda el envío a Sevilla", "2026-11-27T16:00:00Z"],
    ]);
    expect(due(proposal)).toBe("2026-11-30T09:00:00.000Z");
    expect(proposal).toMatchObject({ rule: "unanswered_question", reason: 'Prospect\'s question has no reply yet: "Cuánto tarda el envío a Sevilla"' });
  });

  it("does not count a question the business already answered", () => {
    const proposal = propose("Europe/Madrid", [
      ["user", "¿Hacen envíos a Sevilla?", "2026-11-24T10:00:00Z"],
      ["assistant", "Sí, a toda España.", "2026-11-24T10:01:00Z"],
    ]);
    expect(proposal?.rule).toBe("nurture");
  });

  it("proposes a nurture check-in three business days on, at 10:00", () => {
    // Thursday 26 Nov -> Tuesday 1 Dec 10:00 EST.
    const proposal = propose("America/New_York", [["user", "Thanks, I'll think about it", "2026-11-26T15:00:00Z"]]);
    expect(proposal).toMatchObject({ rule: "nurture", signal: null, tone: "nurture", channel: "whatsapp" });
    expect(due(proposal)).toBe("2026-12-01T15:00:00.000Z");
  });

  it("proposes nothing when the prospect never wrote", () => {
    expect(propose("America/New_York", [["assistant", "Hi! Any questions?", "2026-11-24T13:00:00Z"]])).toBeNull();
  });

  it("uses the score's tone and the channel the prospect asked for", () => {
    const proposal = propose("America/New_York", [["user", "Please email me the details, how much is it?", "2026-11-24T13:00:00Z"]], {
      tone: "value_proof",
    });
    expect(proposal).toMatchObject({ rule: "quote_requested", channel: "email", tone: "value_proof" });
  });

  it("rejects a zone that is not an IANA zone", () => {
    expect(() => propose("Nowhere/Land", [["user", "hi", "2026-11-24T13:00:00Z"]])).toThrow(/not an IANA time zone/);
  });
});
