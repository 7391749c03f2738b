// The follow-up Inngest function, run by @inngest/test with its real steps
// against PostgreSQL and the internal CRM: it sleeps until due, stops when the
// prospect replied first, and otherwise creates the CRM task once.
import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { rescheduleFollowUp, scheduleFollowUpForApprovedLead } from "@/lib/followups/schedule";
import { outboxEventDataOf } from "@/inngest/dispatch";
import { outboxEventName } from "@/inngest/events";
import { followUpFunction } from "@/inngest/functions/follow-up";

let seq = 0;
let lead: { workspaceId: string; conversationId: string; contactId: string; followUpId: string; outboxItemId: string };
const HOUR = 3_600_000;

/** A synced lead (crm_links to the internal CRM) whose follow-up is scheduled `dueInMs` from now. */
async function scheduledFollowUp(dueInMs: number) {
  seq += 1;
  const lastWrote = new Date(Date.now() - 2 * HOUR);
  const workspace = await db().workspace.create({ data: { name: `fu ${seq}`, slug: `fu-${seq}`, defaultCountry: "US", timezone: "America/New_York" } });
  const conversation = await db().conversation.create({
    data: { workspaceId: workspace.id, source: "import", contactWaId: "12127363100", firstMessageAt: lastWrote, lastMessageAt: lastWrote, lastUserMessageAt: lastWrote },
  });
  await db().message.create({ data: { workspaceId: workspace.id, conversationId: conversation.id, providerMessageId: `wamid.fu.${seq}`, role: "user", body: "call me Tuesday at 3pm", sentAt: lastWrote } });
  const contact = await db().contact.create({ data: { workspaceId: workspace.id, name: "Meg Carter", phoneE164: "+12127363100" } });
  await db().leadProposal.create({ data: { workspaceId: workspace.id, conversationId: conversation.id, status: "approved", name: "Meg Carter", contactId: contact.id, syncStatus: "synced" } });
  await db().crmLink.create({ data: { conversationId: conversation.id, crmSystem: "internal", crmContactId: contact.id } });
  const dueAt = new Date(Date.now() + dueInMs);
  await db().followUp.create({
    data: {
      workspaceId: workspace.id, conversationId: conversation.id, dueAt, timezone: "America/New_York", channel: "call", rule: "requested_time",
      reason: 'Prospect asked to be contacted: "call me Tuesday at 3pm"', tone: "urgency_alignment", signal: "call me Tuesday at 3pm", status: "proposed",
    },
  });
  const scheduled = await db().$transaction((tx) => scheduleFollowUpForApprovedLead(tx, { workspaceId: workspace.id, conversationId: conversation.id, contactId: contact.id }));
  lead = { workspaceId: workspace.id, conversationId: conversation.id, contactId: contact.id, followUpId: scheduled!.followUpId, outboxItemId: scheduled!.outboxItemId };
  return dueAt;
}

async function dueEvent() {
  const item = await db().outboxItem.findUniqueOrThrow({ where: { id: lead.outboxItemId } });
  return [{ name: outboxEventName("follow_up_due"), data: outboxEventDataOf(item) }] as [{ name: string; data: Record<string, unknown> }];
}

type Mocked = { mock: { calls: unknown[][] } };

describe("follow-up function", () => {
  it("is cancelled by the prospect's reply in the same conversation (cancelOn)", () => {
    expect(followUpFunction.opts.cancelOn).toEqual([{ event: "leadbridge/prospect.replied", if: "event.data.conversationId == async.data.conversationId" }]);
  });

  it("carries the conversation in its event, so cancelOn can match the reply", async () => {
    await scheduledFollowUp(-HOUR);
    expect((await dueEvent())[0].data).toEqual({ outboxItemId: lead.outboxItemId, workspaceId: lead.workspaceId, conversationId: lead.conversationId });
  });

  it("sleeps until the due time, then creates the CRM task", async () => {
    const dueAt = await scheduledFollowUp(2_000);
    // A sleep is not run by @inngest/test unless mocked: this one really waits
    // until the due time, so the task can only exist if the function slept until then.
    const engine = new InngestTestEngine({
      function: followUpFunction,
      events: await dueEvent(),
      steps: [{ id: "sleep-until-due-0", handler: () => new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(0, dueAt.getTime() - Date.now() + 50))) }],
    });
    const { result, ctx } = await engine.execute();
    expect((ctx.step.sleepUntil as unknown as Mocked).mock.calls[0]).toEqual(["sleep-until-due-0", dueAt.toISOString()]);
    expect(result).toEqual({ status: "done", crmTaskId: expect.any(String) });
    const task = await db().crmTask.findUniqueOrThrow({ where: { followUpId: lead.followUpId } });
    expect(task).toMatchObject({ contactId: lead.contactId, dueAt, type: "CALL", priority: "HIGH", subject: "Call Meg Carter: at the time agreed" });
  });

  it("does not create a task when the prospect wrote after the follow-up was scheduled", async () => {
    await scheduledFollowUp(-HOUR);
    const repliedAt = new Date(Date.now() + 1_000);
    await db().message.create({ data: { workspaceId: lead.workspaceId, conversationId: lead.conversationId, providerMessageId: `wamid.reply.${seq}`, role: "user", body: "Actually, I signed with someone else", sentAt: repliedAt } });
    await db().conversation.update({ where: { id: lead.conversationId }, data: { lastUserMessageAt: repliedAt, lastMessageAt: repliedAt } });

    const { result, ctx } = await new InngestTestEngine({ function: followUpFunction, events: await dueEvent() }).execute();
    expect(result).toEqual({ status: "cancelled", reason: "prospect replied first" });
    expect((ctx.step.sleepUntil as unknown as Mocked).mock.calls).toHaveLength(0);
    expect(await db().followUp.findUniqueOrThrow({ where: { id: lead.followUpId } })).toMatchObject({ status: "cancelled", cancelReason: "prospect replied first", crmTaskId: null });
    expect(await db().crmTask.count({ where: { workspaceId: lead.workspaceId } })).toBe(0);
    expect(await db().outboxItem.findUniqueOrThrow({ where: { id: lead.outboxItemId } })).toMatchObject({ status: "done" });
  });

  it("creates the task when due and no reply came, once even if the event is delivered again", async () => {
    const dueAt = await scheduledFollowUp(-HOUR);
    const { result, ctx } = await new InngestTestEngine({ function: followUpFunction, events: await dueEvent() }).execute();
    expect(result).toEqual({ status: "done", crmTaskId: expect.any(String) });
    const stepIds = (ctx.step.run as unknown as Mocked).mock.calls.map(([id]) => id);
    expect(stepIds).toEqual(expect.arrayContaining(["load-follow-up-0", "claim", "create-crm-task", "complete"]));
    const task = await db().crmTask.findUniqueOrThrow({ where: { followUpId: lead.followUpId } });
    expect(task).toMatchObject({ contactId: lead.contactId, dueAt, type: "CALL" });
    expect(await db().followUp.findUniqueOrThrow({ where: { id: lead.followUpId } })).toMatchObject({ status: "done", crmTaskId: task.id });

    const again = await new InngestTestEngine({ function: followUpFunction, events: await dueEvent() }).execute();
    expect(again.result).toEqual({ skipped: "the follow-up is done" });
    expect(await db().crmTask.count({ where: { workspaceId: lead.workspaceId } })).toBe(1);
  });

  it("stops when its outbox item was replaced by a reschedule", async () => {
    await scheduledFollowUp(2 * 24 * HOUR);
    const event = await dueEvent();
    await rescheduleFollowUp(lead.workspaceId, lead.followUpId, new Date(Date.now() + 3 * 24 * HOUR));
    const { result } = await new InngestTestEngine({ function: followUpFunction, events: event }).execute();
    expect(result).toEqual({ skipped: expect.stringContaining("rescheduled") });
    expect(await db().outboxItem.count({ where: { kind: "follow_up_due", dedupeKey: lead.followUpId, status: "pending" } })).toBe(1);
  });
});
