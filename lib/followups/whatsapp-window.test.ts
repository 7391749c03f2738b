import { describe, expect, it } from "vitest";
import { applyWhatsAppRules, customerServiceWindowClosesAt, isInsideCustomerServiceWindow } from "./whatsapp-window";

const lastProspectMessageAt = new Date("2026-11-24T13:00:00Z");
const context = { optedOut: false, lastProspectMessageAt, canEmail: false, canCall: true };
const whatsappAt = (iso: string) => ({ channel: "whatsapp" as const, dueAt: new Date(iso) });

describe("the 24-hour customer service window", () => {
  it("closes exactly 24 hours after the prospect's last message", () => {
    expect(customerServiceWindowClosesAt(lastProspectMessageAt)?.toISOString()).toBe("2026-11-25T13:00:00.000Z");
    expect(isInsideCustomerServiceWindow(lastProspectMessageAt, new Date("2026-11-25T12:59:59.999Z"))).toBe(true);
    expect(isInsideCustomerServiceWindow(lastProspectMessageAt, new Date("2026-11-25T13:00:00Z"))).toBe(false);
    expect(isInsideCustomerServiceWindow(null, lastProspectMessageAt)).toBe(false);
  });

  it("lets a follow-up inside the window go out as a normal WhatsApp message", () => {
    expect(applyWhatsAppRules(whatsappAt("2026-11-25T10:00:00Z"), context)).toEqual({
      channel: "whatsapp",
      templateRequired: false,
      windowClosesAt: new Date("2026-11-25T13:00:00Z"),
      notes: [],
    });
  });

  it("says a template message is needed once the window has closed", () => {
    const outcome = applyWhatsAppRules(whatsappAt("2026-11-25T13:00:00Z"), context);
    expect(outcome.templateRequired).toBe(true);
    expect(outcome.channel).toBe("whatsapp");
    expect(outcome.notes[0]).toMatch(/closes 2026-11-25T13:00:00.000Z .*send an approved WhatsApp template message/);
  });

  it("needs a template when the prospect never wrote", () => {
    const outcome = applyWhatsAppRules(whatsappAt("2026-11-25T10:00:00Z"), { ...context, lastProspectMessageAt: null });
    expect(outcome).toMatchObject({ templateRequired: true, windowClosesAt: null });
    expect(outcome.notes[0]).toMatch(/has not written to us on WhatsApp yet: send an approved WhatsApp template message/);
  });
});

describe("opted-out prospects", () => {
  it("never get a WhatsApp follow-up: email first when we have one", () => {
    const outcome = applyWhatsAppRules(whatsappAt("2026-11-25T10:00:00Z"), { ...context, optedOut: true, canEmail: true });
    expect(outcome).toMatchObject({ channel: "email", templateRequired: false });
    expect(outcome.notes).toEqual(["Prospect opted out of WhatsApp: follow up by email instead."]);
  });

  it("fall back to a call without an email address", () => {
    expect(applyWhatsAppRules(whatsappAt("2026-11-25T10:00:00Z"), { ...context, optedOut: true }).channel).toBe("call");
  });

  it("get no follow-up when no other channel is left", () => {
    const outcome = applyWhatsAppRules(whatsappAt("2026-11-25T10:00:00Z"), { ...context, optedOut: true, canCall: false });
    expect(outcome.channel).toBeNull();
  });

  it("keep a call or email follow-up they asked for", () => {
    const outcome = applyWhatsAppRules({ channel: "call", dueAt: new Date("2026-12-01T10:00:00Z") }, { ...context, optedOut: true });
    expect(outcome).toMatchObject({ channel: "call", templateRequired: false, notes: [] });
  });
});
