import { describe, expect, it } from "vitest";
import type { ConversationMessage } from "@/lib/scoring/conversation";
import { planFollowUp, type PlanFollowUpInput } from "./plan";

const messages: ConversationMessage[] = [
  { id: "m1", role: "user", text: "Oi, quanto custa o kit solar?", sentAt: new Date("2026-11-24T14:00:00Z") },
  { id: "m2", role: "assistant", text: "R$ 18.000 instalado.", sentAt: new Date("2026-11-24T14:01:00Z") },
  { id: "m3", role: "user", text: "Achei caro. Me liga na segunda que eu vejo com minha esposa", sentAt: new Date("2026-11-24T14:05:00Z") },
];

const input: PlanFollowUpInput = {
  messages,
  now: new Date("2026-11-24T14:06:00Z"),
  phone: "5511987654321",
  prospectTimeZone: { timezone: "America/Sao_Paulo", country: "BR", source: "phone_number" },
  followUpTone: "value_proof",
  optedOut: false,
  hasEmail: false,
  contactName: "Ana Souza",
};

describe("planFollowUp", () => {
  it("plans Monday 10:00 São Paulo time for a Brazilian number, as a call task with its approach", () => {
    const plan = planFollowUp(input);
    expect(plan).toMatchObject({
      timezone: "America/Sao_Paulo",
      channel: "call",
      rule: "requested_time",
      templateRequired: false,
      signal: { messageId: "m3", quote: "Me liga na segunda que eu vejo com minha esposa" },
    });
    expect(plan?.dueAt.toISOString()).toBe("2026-11-30T13:00:00.000Z");
    expect(plan?.task).toEqual({
      subject: "Call Ana Souza: at the time agreed",
      body: [
        'Prospect asked to be contacted: "Me liga na segunda que eu vejo com minha esposa"',
        "Due Mon 30 Nov 2026, 10:00 the prospect's time (America/Sao_Paulo).",
        "Approach: Value proof: show what they get for the price",
      ].join("\n"),
      type: "CALL",
      priority: "HIGH",
    });
  });

  it("says a WhatsApp template is needed when the follow-up falls outside the 24-hour window", () => {
    const plan = planFollowUp({ ...input, messages: messages.map((message) => ({ ...message, text: message.text.replace("Me liga", "Fala comigo") })) });
    expect(plan).toMatchObject({ channel: "whatsapp", templateRequired: true });
    expect(plan?.task.type).toBe("WHATSAPP");
    expect(plan?.task.body).toContain("send an approved WhatsApp template message");
  });

  it("moves an opted-out prospect off WhatsApp, or drops the follow-up when no channel is left", () => {
    const whatsappOnly = messages.map((message) => ({ ...message, text: message.text.replace("Me liga", "Fala comigo") }));
    expect(planFollowUp({ ...input, messages: whatsappOnly, optedOut: true, hasEmail: true })?.channel).toBe("email");
    expect(planFollowUp({ ...input, messages: whatsappOnly, optedOut: true, phone: null })).toBeNull();
  });
});

describe("planFollowUp, as reviewers reported it", () => {
  const chat = (...texts: string[]): ConversationMessage[] =>
    texts.map((text, index) => ({
      id: `m${index}`,
      role: text.startsWith("us: ") ? "assistant" : "user",
      text: text.replace(/^us: /, ""),
      sentAt: new Date(Date.parse("2026-11-23T14:00:00Z") + index * 60_000), // a Monday
    }));
  const mexico = { timezone: "America/Mexico_City", country: "MX", source: "phone_number" } as const;
  const paris = { timezone: "Europe/Paris", country: "FR", source: "phone_number" } as const;
  const plan = (messages: ConversationMessage[], prospectTimeZone: PlanFollowUpInput["prospectTimeZone"] = mexico) =>
    planFollowUp({ ...input, messages, prospectTimeZone, now: new Date("2026-11-23T15:00:00Z"), hasEmail: true });

  it("lands 'Tuesday afternoon' on Tuesday afternoon, as a call, even after we confirm 'Tuesday'", () => {
    const result = plan(chat("Hola, me interesa una batería", "¿Pueden llamarme el martes por la tarde?", "us: Claro, te contactamos el martes."));
    expect(result).toMatchObject({ rule: "requested_time", channel: "call", timezone: "America/Mexico_City" });
    expect(result?.dueAt.toISOString()).toBe("2026-11-24T21:00:00.000Z"); // Tuesday 15:00 in Mexico City
  });

  it.each([
    ["Tuesday afternoon is good for a call", "call"],
    ["email me Tuesday afternoon", "email"],
    ["Tuesday afternoon, send me a WhatsApp", "whatsapp"],
  ])("keeps the channel asked for: %j", (text, channel) => {
    const result = plan(chat(text), { timezone: "Europe/London", country: "GB", source: "phone_number" });
    expect(result).toMatchObject({ channel });
    expect(result?.dueAt.toISOString()).toBe("2026-11-24T15:00:00.000Z");
  });

  it("reads no time inside an email, and quotes the email whole", () => {
    const result = plan(chat("Salut, vous faites l'entretien des panneaux ?", "us: Oui ! Quel est votre nom ?", "Luc Martin", "Mon numéro : 06 98 76 54 32, mon mail luc@martin-immo.fr"), paris);
    expect(result?.rule).not.toBe("requested_time");
    const quoted = plan(chat("Pouvez-vous m'envoyer un devis sur luc@martin-immo.fr ? Merci"), paris);
    expect(quoted).toMatchObject({ rule: "quote_requested" });
    expect(quoted?.reason).toContain('"Pouvez-vous m\'envoyer un devis sur luc@martin-immo.fr ?"');
  });

  it("marks a request read after its time as overdue", () => {
    const late = planFollowUp({ ...input, messages: chat("call me tomorrow at 10am"), prospectTimeZone: paris, now: new Date("2026-11-30T12:00:00Z") });
    expect(late).toMatchObject({ rule: "requested_time", overdue: true });
  });
});
