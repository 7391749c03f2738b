// The follow-up service against PostgreSQL and the internal CRM: one proposal
// per conversation, people's and jobs' follow-ups left alone, a reply cancels,
// an opt-out changes the channel, a lead that never synced fails visibly, and
// waiting for a sync that never links the lead gives up with the reason.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { proposeFollowUp } from "@/lib/followups/propose-for-conversation";
import { cancelFollowUpsAnsweredByProspect, runDueFollowUp } from "@/lib/followups/run-due";
import { rescheduleFollowUp, scheduleFollowUpForApprovedLead } from "@/lib/followups/schedule";
import { drainDueWork } from "@/lib/jobs/drain";
import { PermanentFailure, RetryLater } from "@/lib/jobs/failures";
import { followUpDueJob } from "@/lib/jobs/follow-up-due";

let seq = 0;
let workspaceId: string;
let conversationId: string;
const WROTE_AT = new Date("2026-03-05T14:05:00Z");
const PROPOSED_AT = new Date("2026-03-05T14:10:00Z");

async function message(role: "user" | "assistant", body: string, sentAt: Date) {
  seq += 1;
  await db().message.create({ data: { workspaceId, conversationId, providerMessageId: `wamid.svc.${seq}`, role, body, sentAt } });
  if (role === "user") await db().conversation.update({ where: { id: conversationId }, data: { lastUserMessageAt: sentAt, lastMessageAt: sentAt } });
}

beforeEach(async () => {
  seq += 1;
  workspaceId = (await db().workspace.create({ data: { name: `svc ${seq}`, slug: `svc-${seq}`, defaultCountry: "US", timezone: "America/New_York" } })).id;
  conversationId = (await db().conversation.create({
    data: { workspaceId, source: "import", contactWaId: "12127363100", firstMessageAt: WROTE_AT, lastMessageAt: WROTE_AT, lastUserMessageAt: WROTE_AT },
  })).id;
  await message("user", "Can you message me here on Tuesday at 3pm? I need it before the 20th", WROTE_AT);
});

async function approveAndLink(options: { link?: boolean } = {}) {
  const contact = await db().contact.create({ data: { workspaceId, name: "Meg Carter", phoneE164: "+12127363100" } });
  await db().leadProposal.create({ data: { workspaceId, conversationId, status: "approved", name: "Meg Carter", contactId: contact.id, syncStatus: options.link === false ? "failed" : "synced", syncError: options.link === false ? "HubSpot said no" : null } });
  const scheduled = await db().$transaction((tx) => scheduleFollowUpForApprovedLead(tx, { workspaceId, conversationId, contactId: contact.id }));
  if (options.link !== false) await db().crmLink.create({ data: { conversationId, crmSystem: "internal", crmAccount: `internal:${workspaceId}`, crmContactId: contact.id } });
  return { contactId: contact.id, followUpId: scheduled!.followUpId };
}

describe("proposeFollowUp", () => {
  it("keeps one proposal per conversation, never touches a scheduled one, and removes the proposal when nothing is left to follow up", async () => {
    const first = await proposeFollowUp(workspaceId, conversationId, PROPOSED_AT);
    expect(first).toMatchObject({ channel: "whatsapp", timezone: "America/New_York" });
    const { followUpId } = await approveAndLink();

    await proposeFollowUp(workspaceId, conversationId, PROPOSED_AT);
    await proposeFollowUp(workspaceId, conversationId, PROPOSED_AT);
    const rows = await db().followUp.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => row.status)).toEqual(["scheduled", "proposed"]);
    expect(rows[0]!.id).toBe(followUpId);
    expect(rows[1]).toMatchObject({ signal: expect.stringContaining("Tuesday at 3pm"), rule: "requested_time", taskType: "WHATSAPP", taskSubject: expect.stringMatching(/^WhatsApp/) });

    // Opted out of WhatsApp and no email on file: the WhatsApp number can still be called.
    await db().optOut.create({ data: { workspaceId, waId: "12127363100" } });
    expect(await proposeFollowUp(workspaceId, conversationId, PROPOSED_AT)).toMatchObject({ channel: "call" });
    // A conversation where the prospect never wrote gets no follow-up: the proposal goes.
    await db().message.deleteMany({ where: { conversationId } });
    expect(await proposeFollowUp(workspaceId, conversationId, PROPOSED_AT)).toBeNull();
    expect((await db().followUp.findMany({ where: { conversationId } })).map((row) => row.status)).toEqual(["scheduled"]);
  });
});

describe("runDueFollowUp", () => {
  it("waits for the lead's sync, then creates the task once; a WhatsApp task past the 24-hour window says a template is needed", async () => {
    await proposeFollowUp(workspaceId, conversationId, PROPOSED_AT);
    const contact = await db().contact.create({ data: { workspaceId, name: "Meg Carter", phoneE164: "+12127363100" } });
    await db().leadProposal.create({ data: { workspaceId, conversationId, status: "approved", name: "Meg Carter", contactId: contact.id, syncStatus: "queued" } });
    const scheduled = await db().$transaction((tx) => scheduleFollowUpForApprovedLead(tx, { workspaceId, conversationId, contactId: contact.id }));
    const followUpId = scheduled!.followUpId;
    const now = new Date();

    // Not linked yet: a plain failure, so the job counts the attempt and backs off.
    const waiting = await runDueFollowUp(followUpId, now).catch((error: unknown) => error);
    expect(waiting).toBeInstanceOf(Error);
    expect(waiting).not.toBeInstanceOf(RetryLater);
    expect((waiting as Error).message).toMatch(/not in the CRM yet/);
    await db().crmLink.create({ data: { conversationId, crmSystem: "internal", crmAccount: `internal:${workspaceId}`, crmContactId: contact.id } });
    const done = await runDueFollowUp(followUpId, now);
    expect(done).toEqual({ status: "done", crmTaskId: expect.any(String) });
    expect(await runDueFollowUp(followUpId, now)).toEqual(done);
    const tasks = await db().crmTask.findMany({ where: { workspaceId } });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ followUpId, contactId: contact.id, type: "TODO", dueAt: scheduled!.dueAt });
    expect(tasks[0]!.body).toMatch(/^Channel: WhatsApp/);
    expect(tasks[0]!.body).toMatch(/approved WhatsApp template message/);
    expect(await db().followUp.findUniqueOrThrow({ where: { id: followUpId } })).toMatchObject({ status: "done", templateRequired: true, crmTaskId: tasks[0]!.id });
  });

  it("is not due before its time", async () => {
    await proposeFollowUp(workspaceId, conversationId, PROPOSED_AT);
    const { followUpId } = await approveAndLink();
    const dueAt = (await db().followUp.findUniqueOrThrow({ where: { id: followUpId } })).dueAt;
    await expect(runDueFollowUp(followUpId, new Date(dueAt.getTime() - 60_000))).rejects.toMatchObject({ name: "RetryLater", retryAfterMs: 60_000 });
  });

  it("fails for people to see when the lead's sync failed for good", async () => {
    await proposeFollowUp(workspaceId, conversationId, PROPOSED_AT);
    const { followUpId } = await approveAndLink({ link: false });
    await expect(runDueFollowUp(followUpId, new Date())).rejects.toBeInstanceOf(PermanentFailure);
  });

  it("switches a WhatsApp follow-up to a call when the prospect opted out after it was planned", async () => {
    await proposeFollowUp(workspaceId, conversationId, PROPOSED_AT);
    const { followUpId } = await approveAndLink();
    await db().optOut.create({ data: { workspaceId, waId: "12127363100" } });
    await runDueFollowUp(followUpId, new Date());
    expect(await db().crmTask.findUniqueOrThrow({ where: { followUpId } })).toMatchObject({ type: "CALL", body: expect.stringMatching(/opted out of WhatsApp/) });
    expect(await db().followUp.findUniqueOrThrow({ where: { id: followUpId } })).toMatchObject({ status: "done", channel: "call" });
  });
});

describe("cancelFollowUpsAnsweredByProspect (as ingestion stores a prospect's message)", () => {
  it("cancels follow-ups scheduled before the prospect's new message and drops their work; later ones stay", async () => {
    await proposeFollowUp(workspaceId, conversationId, PROPOSED_AT);
    const { followUpId } = await approveAndLink();
    expect(await cancelFollowUpsAnsweredByProspect([conversationId])).toBe(0);
    await message("user", "Actually, call me now please", new Date(Date.now() + 1_000));
    expect(await cancelFollowUpsAnsweredByProspect([conversationId])).toBe(1);
    expect(await db().followUp.findUniqueOrThrow({ where: { id: followUpId } })).toMatchObject({ status: "cancelled", cancelReason: "prospect replied first" });
    expect(await db().outboxItem.count({ where: { kind: "follow_up_due", dedupeKey: followUpId, status: "pending" } })).toBe(0);
  });
});

describe("the follow_up_due job", () => {
  it("counts its waits for a lead that never gets linked, gives up with the reason on the follow-up, and a reschedule tries again", async () => {
    await proposeFollowUp(workspaceId, conversationId, PROPOSED_AT);
    const contact = await db().contact.create({ data: { workspaceId, name: "Meg Carter", phoneE164: "+12127363100" } });
    // The sync is still under way (never failed, never linked).
    await db().leadProposal.create({ data: { workspaceId, conversationId, status: "approved", name: "Meg Carter", contactId: contact.id, syncStatus: "syncing" } });
    const { followUpId } = (await db().$transaction((tx) => scheduleFollowUpForApprovedLead(tx, { workspaceId, conversationId, contactId: contact.id })))!;
    const item = await db().outboxItem.findFirstOrThrow({ where: { kind: "follow_up_due", dedupeKey: followUpId } });
    await db().outboxItem.update({ where: { id: item.id }, data: { availableAt: new Date(0) } });
    await db().followUp.update({ where: { id: followUpId }, data: { dueAt: new Date(Date.now() - 60_000) } });

    let clock = Date.now();
    for (let pass = 0; pass < 12; pass++) {
      await drainDueWork({ worker: `drain-${pass}`, definitions: [followUpDueJob], now: () => new Date(clock) });
      clock += 2 * 60 * 60_000;
    }

    expect(await db().outboxItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: "failed", attempts: followUpDueJob.maxAttempts });
    const failed = await db().followUp.findUniqueOrThrow({ where: { id: followUpId } });
    expect(failed).toMatchObject({ status: "failed", crmTaskId: null, failureReason: expect.stringMatching(/^Gave up after 8 attempts: The lead is not in the CRM yet/) });

    // Once the lead is in the CRM, a reschedule tries again and the task is created.
    await db().crmLink.create({ data: { conversationId, crmSystem: "internal", crmAccount: `internal:${workspaceId}`, crmContactId: contact.id } });
    await rescheduleFollowUp(workspaceId, followUpId, new Date(Date.now() + 300));
    expect(await db().followUp.findUniqueOrThrow({ where: { id: followUpId } })).toMatchObject({ status: "scheduled", failureReason: null });
    await new Promise((resolve) => setTimeout(resolve, 400));
    await drainDueWork({ worker: "after-reschedule", definitions: [followUpDueJob] });
    expect(await db().followUp.findUniqueOrThrow({ where: { id: followUpId } })).toMatchObject({ status: "done", crmTaskId: expect.any(String) });
    expect(await db().crmTask.count({ where: { followUpId } })).toBe(1);
  });
});
