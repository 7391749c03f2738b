// Issue 8, end to end through the real services: a prospect in New York (+1 212)
// writes "call me Tuesday at 3pm" to a workspace in São Paulo; the platform
// pushes a score. Propose -> approve (schedule inside the approval's
// transaction) -> sync the lead to HubSpot (a local fake) -> drain when due.
// HubSpot ends with the labeled fields on the contact and ONE call task at
// Tuesday 15:00 New York time, which is 19:00 UTC in the week DST began.
import { beforeAll, describe, expect, it } from "vitest";
import { FakeHubSpot } from "@/tests/fakes/hubspot-server";
import { withFakeHubSpot } from "@/tests/support/hubspot";
import { db } from "@/lib/db/client";
import { proposeFollowUp } from "@/lib/followups/propose-for-conversation";
import { scheduleFollowUpForApprovedLead } from "@/lib/followups/schedule";
import { drainDueWork } from "@/lib/jobs/drain";
import { enqueue } from "@/lib/outbox/outbox";
import { recordPushedScore } from "@/lib/scoring/scores";
import { connectHubSpot } from "@/tests/support/crm";

const fake = new FakeHubSpot();
const PHONE = "+12127363100";
let workspaceId: string;
let conversationId: string;

withFakeHubSpot(fake);

beforeAll(async () => {
  workspaceId = (await db().workspace.create({
    data: { name: "Loja SP", slug: "loja-sp", defaultCountry: "BR", timezone: "America/Sao_Paulo" },
  })).id;
  await connectHubSpot(workspaceId, fake.accessToken);
  const at = (iso: string) => new Date(iso);
  const conversation = await db().conversation.create({
    data: {
      workspaceId,
      source: "import",
      contactWaId: PHONE.slice(1),
      contactProfileName: "Meg",
      language: "en",
      firstMessageAt: at("2026-03-05T14:00:00Z"),
      lastMessageAt: at("2026-03-05T14:05:00Z"),
      lastUserMessageAt: at("2026-03-05T14:05:00Z"),
      messageCount: 3,
    },
  });
  conversationId = conversation.id;
  await db().message.createMany({
    data: [
      { role: "user", body: "Hi, I'm interested in the premium plan for my team.", sentAt: at("2026-03-05T14:00:00Z") },
      { role: "assistant", body: "Great! When is a good time to talk?", sentAt: at("2026-03-05T14:01:00Z") },
      { role: "user", body: "I'm busy this week, call me Tuesday at 3pm", sentAt: at("2026-03-05T14:05:00Z") },
    ].map((message, index) => ({ ...message, workspaceId, conversationId, providerMessageId: `wamid.ny.${index}` })),
  });
  await db().leadProposal.create({
    data: { workspaceId, conversationId, status: "proposed", name: "Meg Carter", email: "meg@carter.example", emailNormalized: "meg@carter.example", phone: PHONE, phoneE164: PHONE, qualifies: true },
  });
});


/** What the review code does on approve, with the follow-up scheduled in the same transaction. */
async function approve(): Promise<{ contactId: string }> {
  return db().$transaction(async (tx) => {
    const contact = await tx.contact.create({
      data: { workspaceId, name: "Meg Carter", email: "meg@carter.example", emailNormalized: "meg@carter.example", phoneE164: PHONE },
    });
    const proposal = await tx.leadProposal.update({
      where: { conversationId },
      data: { status: "approved", contactId: contact.id, syncStatus: "queued", reviewedAt: new Date() },
    });
    await enqueue(tx, { workspaceId, kind: "sync_lead", payload: { leadProposalId: proposal.id } });
    await scheduleFollowUpForApprovedLead(tx, { workspaceId, conversationId, contactId: contact.id });
    return { contactId: contact.id };
  });
}

describe("a prospect's 'call me Tuesday at 3pm' becomes a HubSpot task", () => {
  it("lands at Tuesday 15:00 New York time (19:00 UTC) on the synced contact, with the labeled scores, exactly once", async () => {
    await recordPushedScore(workspaceId, conversationId, { intent_score: 0.82, objection_type: "timing", follow_up_tone: "urgency_alignment", version: 1 });

    const proposed = await proposeFollowUp(workspaceId, conversationId, new Date("2026-03-05T14:10:00Z"));
    expect(proposed).toMatchObject({ timezone: "America/New_York", channel: "call" });
    expect(proposed!.dueAt.toISOString()).toBe("2026-03-10T19:00:00.000Z");
    // Proposing again replaces the proposal: still one row.
    await proposeFollowUp(workspaceId, conversationId, new Date("2026-03-05T14:10:00Z"));
    expect(await db().followUp.count({ where: { conversationId } })).toBe(1);

    const { contactId } = await approve();
    const followUp = await db().followUp.findFirstOrThrow({ where: { conversationId } });
    expect(followUp).toMatchObject({ status: "scheduled", contactId, signal: "I'm busy this week, call me Tuesday at 3pm", tone: "urgency_alignment" });
    const dueWork = await db().outboxItem.findFirstOrThrow({ where: { kind: "follow_up_due" } });
    expect(dueWork).toMatchObject({ dedupeKey: followUp.id, payload: { followUpId: followUp.id }, availableAt: followUp.dueAt });

    // The follow-up is due first but the lead is not in HubSpot yet: it waits for the sync.
    const first = await drainDueWork({ worker: "drain-1" });
    expect(first.byKind.sync_lead).toMatchObject({ done: 1 });
    expect(first.byKind.follow_up_due).toMatchObject({ retrying: 1 });
    expect(fake.objects.tasks.size).toBe(0);

    const later = () => new Date(Date.now() + 5 * 60_000);
    const second = await drainDueWork({ worker: "drain-2", now: later });
    expect(second.byKind.follow_up_due).toMatchObject({ done: 1 });

    const [hubspotContact, ...otherContacts] = [...fake.objects.contacts.values()];
    expect(otherContacts).toHaveLength(0);
    expect(hubspotContact!.properties).toMatchObject({
      leadbridge_lead_score: "High (0.82)",
      leadbridge_primary_objection: expect.stringMatching(/timing/i),
      leadbridge_recommended_approach: expect.stringMatching(/urgency/i),
    });
    const tasks = [...fake.objects.tasks.values()];
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.properties).toMatchObject({
      hs_timestamp: "2026-03-10T19:00:00.000Z",
      hs_task_type: "CALL",
      hs_task_priority: "HIGH",
      hs_task_status: "NOT_STARTED",
      hs_task_subject: "Call Meg Carter: at the time agreed",
    });
    expect(tasks[0]!.properties.hs_task_body).toContain("Tue 10 Mar 2026, 15:00 the prospect's time (America/New_York)");
    expect(fake.associationsOf("tasks", tasks[0]!.id)).toEqual([
      { fromType: "tasks", fromId: tasks[0]!.id, toType: "contacts", toId: hubspotContact!.id, associationTypeId: 204 },
    ]);
    expect(await db().followUp.findUniqueOrThrow({ where: { id: followUp.id } })).toMatchObject({ status: "done", crmTaskId: tasks[0]!.id });

    // Draining again creates nothing more.
    await drainDueWork({ worker: "drain-3", now: later });
    expect(fake.objects.tasks.size).toBe(1);
  });
});
