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
  workspace: { timezone: "Europe/Lisbon", defaultCountry: "PT" },
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
      prospectTimeZone: { country: "BR", source: "phone_country_most_populous" },
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
