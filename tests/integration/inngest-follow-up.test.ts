// The follow_up_due job run by its Inngest function (@inngest/test, real steps
// against PostgreSQL and the internal CRM): it sleeps until due, stops when the
// prospect replied first, and otherwise creates the CRM task once.
import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { rescheduleFollowUp, scheduleFollowUpForApprovedLead } from "@/lib/followups/schedule";
import { jobFunction } from "@/inngest/job-functions";
import { jobEvents, runInInngest } from "@/tests/support/jobs";

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
  await db().crmLink.create({ data: { conversationId: conversation.id, crmSystem: "internal", crmAccount: `internal:${workspace.id}`, crmContactId: contact.id } });
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

const runDue = (options?: Parameters<typeof runInInngest>[2]) => runInInngest("follow_up_due", [lead.outboxItemId], options);

describe("follow-up function", () => {
  it("carries its workspace's CRM account in its event, so runs are throttled per account", async () => {
    await scheduledFollowUp(-HOUR);
    expect((await jobEvents([lead.outboxItemId]))[0].data).toEqual({ outboxItemId: lead.outboxItemId, workspaceId: lead.workspaceId, crmAccount: `internal:${lead.workspaceId}` });
  });

  it("sleeps until the due time, then creates the CRM task", async () => {
    const dueAt = await scheduledFollowUp(HOUR);
    // A sleep is not run by @inngest/test unless mocked: this one stands for the
    // hour passing (the follow-up and its work become due), so the task can only
    // exist if the function slept, and then looked again.
    const { result, sleeps } = await runDue({
      steps: [{
        id: "wait-until-due-0",
        handler: async () => {
          const past = new Date(Date.now() - 1_000);
          await db().followUp.update({ where: { id: lead.followUpId }, data: { dueAt: past } });
          await db().outboxItem.update({ where: { id: lead.outboxItemId }, data: { availableAt: past } });
          return null;
        },
      }],
    });
    expect(sleeps[0]).toEqual(["wait-until-due-0", dueAt.toISOString()]);
    expect(result).toMatchObject({ done: [lead.outboxItemId], failed: [], retrying: [] });
    const task = await db().crmTask.findUniqueOrThrow({ where: { followUpId: lead.followUpId } });
    expect(task).toMatchObject({ contactId: lead.contactId, type: "CALL", priority: "HIGH", subject: "Call Meg Carter: at the time agreed" });
  });

  it("does not create a task when the prospect wrote after the follow-up was scheduled", async () => {
    await scheduledFollowUp(-HOUR);
    const repliedAt = new Date(Date.now() + 1_000);
    await db().message.create({ data: { workspaceId: lead.workspaceId, conversationId: lead.conversationId, providerMessageId: `wamid.reply.${seq}`, role: "user", body: "Actually, I signed with someone else", sentAt: repliedAt } });
    await db().conversation.update({ where: { id: lead.conversationId }, data: { lastUserMessageAt: repliedAt, lastMessageAt: repliedAt } });

    const { result, sleeps } = await runDue();
    expect(result).toMatchObject({ done: [lead.outboxItemId] });
    expect(sleeps).toHaveLength(0);
    expect(await db().followUp.findUniqueOrThrow({ where: { id: lead.followUpId } })).toMatchObject({ status: "cancelled", cancelReason: "prospect replied first", crmTaskId: null });
    expect(await db().crmTask.count({ where: { workspaceId: lead.workspaceId } })).toBe(0);
    expect(await db().outboxItem.findUniqueOrThrow({ where: { id: lead.outboxItemId } })).toMatchObject({ status: "done" });
  });

  it("creates the task when due and no reply came, once even if the event is delivered again", async () => {
    const dueAt = await scheduledFollowUp(-HOUR);
    const { result, stepIds } = await runDue();
    expect(result).toMatchObject({ done: [lead.outboxItemId] });
    expect(stepIds).toEqual(["check-due-0", "claim", "create-crm-task", `complete-${lead.outboxItemId}`]);
    const task = await db().crmTask.findUniqueOrThrow({ where: { followUpId: lead.followUpId } });
    expect(task).toMatchObject({ contactId: lead.contactId, dueAt, type: "CALL" });
    expect(await db().followUp.findUniqueOrThrow({ where: { id: lead.followUpId } })).toMatchObject({ status: "done", crmTaskId: task.id });

    const again = await runDue();
    expect(again.result).toEqual({ skipped: expect.stringMatching(/done already/) });
    expect(await db().crmTask.count({ where: { workspaceId: lead.workspaceId } })).toBe(1);
  });

  it("stops when its outbox item was replaced by a reschedule", async () => {
    await scheduledFollowUp(2 * 24 * HOUR);
    const events = await jobEvents([lead.outboxItemId]);
    await rescheduleFollowUp(lead.workspaceId, lead.followUpId, new Date(Date.now() + 3 * 24 * HOUR));
    const { result } = await new InngestTestEngine({ function: jobFunction("follow_up_due"), events }).execute();
    expect(result).toEqual({ skipped: expect.stringMatching(/done already/) });
    expect(await db().outboxItem.count({ where: { kind: "follow_up_due", dedupeKey: lead.followUpId, status: "pending" } })).toBe(1);
    expect(await db().crmTask.count({ where: { workspaceId: lead.workspaceId } })).toBe(0);
  });
});
