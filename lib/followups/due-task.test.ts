import { describe, expect, it } from "vitest";
import { dueTask, type DueContext, type DueFollowUp } from "./due-task";

const followUp: DueFollowUp = {
  id: "0b7e6f7e-1111-4c3b-9a55-6a5e7d9a0001",
  dueAt: new Date("2026-03-10T19:00:00Z"),
  timezone: "America/New_York",
  channel: "whatsapp",
  reason: 'Prospect asked to be contacted: "me manda mensagem terça"',
  tone: "urgency_alignment",
  rule: "requested_time",
  signal: "me manda mensagem terça",
  signalMessageId: "0b7e6f7e-1111-4c3b-9a55-6a5e7d9a0002",
};
const context: DueContext = {
  now: new Date("2026-03-10T19:00:00Z"),
  optedOut: false,
  lastProspectMessageAt: new Date("2026-03-10T12:00:00Z"),
  contactName: "Ana",
  hasEmail: true,
  hasPhone: true,
};

describe("a follow-up's CRM task when it is due", () => {
  it("is a TODO naming WhatsApp as the channel (CRMs have no WhatsApp task type), free-form inside the 24-hour window", () => {
    const outcome = dueTask(followUp, context);
    expect(outcome).toMatchObject({ kind: "task", channel: "whatsapp", templateRequired: false, task: { type: "TODO", priority: "HIGH", followUpId: followUp.id, dueAt: followUp.dueAt } });
    if (outcome.kind !== "task") throw new Error("expected a task");
    expect(outcome.task.body).toMatch(/^Channel: WhatsApp\n/);
    expect(outcome.task.body).toContain("Tue 10 Mar 2026, 15:00 the prospect's time (America/New_York)");
    expect(outcome.task.body).not.toMatch(/template/);
  });

  it("says a template message is needed once the window has closed at that moment", () => {
    const outcome = dueTask(followUp, { ...context, lastProspectMessageAt: new Date("2026-03-08T12:00:00Z") });
    expect(outcome).toMatchObject({ kind: "task", templateRequired: true });
    if (outcome.kind === "task") expect(outcome.task.body).toMatch(/approved WhatsApp template message/);
  });

  it("switches to email after an opt-out, and is cancelled when no channel is left", () => {
    expect(dueTask(followUp, { ...context, optedOut: true })).toMatchObject({ kind: "task", channel: "email", task: { type: "EMAIL", subject: "Email Ana: at the time agreed" } });
    expect(dueTask(followUp, { ...context, optedOut: true, hasEmail: false, hasPhone: false })).toEqual({
      kind: "cancel",
      reason: expect.stringMatching(/opted out/),
    });
  });

  it("keeps a planned call a CALL task", () => {
    expect(dueTask({ ...followUp, channel: "call" }, context)).toMatchObject({ kind: "task", task: { type: "CALL", subject: "Call Ana: at the time agreed" } });
  });
});
