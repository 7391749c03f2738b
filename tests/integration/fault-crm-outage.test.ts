// Fault: HubSpot (a local fake) throttles every request for minutes, then fails
// every request for minutes, while approved leads wait to sync and their
// follow-ups fall due. Runners keep passing (jobs:drain on a clock the test
// moves 30 s a pass). Waiting out throttling uses no attempt and failures back
// off, so nothing is given up; once HubSpot is back, every lead is in HubSpot
// once with one deal, each follow-up has one task, and nothing is left claimed,
// pending or failed.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { scheduleFollowUpForApprovedLead } from "@/lib/followups/schedule";
import { drainDueWork } from "@/lib/jobs/drain";
import { syncLeadJob } from "@/lib/jobs/sync-lead";
import { FakeHubSpot } from "@/tests/fakes/hubspot-server";
import { connectHubSpot } from "@/tests/support/crm";
import { withFakeHubSpot } from "@/tests/support/hubspot";

const fake = new FakeHubSpot();
const LEADS = 6;

withFakeHubSpot(fake);

async function approvedLeadWithFollowUp(workspaceId: string, i: number) {
  const phone = `+55119555000${i}`;
  const wroteAt = new Date(Date.now() - 60 * 60_000);
  const conversation = await db().conversation.create({
    data: { workspaceId, source: "import", contactWaId: phone.slice(1), firstMessageAt: wroteAt, lastMessageAt: wroteAt, lastUserMessageAt: wroteAt },
  });
  // Half the prospects gave an email; the others only wrote from their number.
  const email = i % 2 === 0 ? `prospect${i}@example.com` : null;
  const contact = await db().contact.create({ data: { workspaceId, name: `Prospect Number${i}`, email, emailNormalized: email, phoneE164: phone } });
  const proposal = await db().leadProposal.create({
    data: { workspaceId, conversationId: conversation.id, status: "approved", name: contact.name, contactId: contact.id, syncStatus: "queued" },
  });
  await db().followUp.create({
    data: {
      workspaceId, conversationId: conversation.id, dueAt: new Date(Date.now() - 60_000), timezone: "America/Sao_Paulo", channel: "call",
      rule: "requested_time", reason: "Prospect asked for a call", status: "proposed",
    },
  });
  await db().$transaction(async (tx) => {
    await scheduleFollowUpForApprovedLead(tx, { workspaceId, conversationId: conversation.id, contactId: contact.id });
    await syncLeadJob.enqueue(tx, { leadProposalId: proposal.id }, { workspaceId, dedupeKey: proposal.id, availableAt: new Date(0) });
  });
  return { proposalId: proposal.id, conversationId: conversation.id };
}

describe("HubSpot throttling, then failing, for minutes", () => {
  it("ends with every lead in HubSpot once, one deal each, one task per follow-up, and nothing claimed, pending or failed", { timeout: 120_000 }, async () => {
    const workspaceId = (await db().workspace.create({ data: { name: "Outage shop", slug: "outage-shop", defaultCountry: "BR" } })).id;
    await connectHubSpot(workspaceId, fake.accessToken);
    const leads = [];
    for (let i = 0; i < LEADS; i++) leads.push(await approvedLeadWithFollowUp(workspaceId, i));

    let clock = Date.now();
    const pass = async (name: string) => {
      await drainDueWork({ worker: name, now: () => new Date(clock) });
      clock += 30_000;
    };
    fake.outage("throttling");
    for (let i = 0; i < 8; i++) await pass(`throttled-${i}`);
    fake.outage("failing");
    for (let i = 0; i < 8; i++) await pass(`failing-${i}`);
    expect(fake.requests.filter((request) => request.status === 429).length).toBeGreaterThan(0);
    expect(fake.requests.filter((request) => request.status === 502).length).toBeGreaterThan(0);
    expect(fake.objects.contacts.size + fake.objects.deals.size + fake.objects.tasks.size).toBe(0);
    // Four minutes of throttling and four of failures gave nothing up.
    expect(await db().outboxItem.count({ where: { workspaceId, status: "failed" } })).toBe(0);

    fake.endOutage();
    for (let i = 0; i < 40; i++) {
      await pass(`recovered-${i}`);
      if ((await db().outboxItem.count({ where: { workspaceId, status: { in: ["pending", "claimed"] } } })) === 0) break;
      // Backoffs are on the moved clock; HubSpot's rate window is on the real one.
      clock += 4 * 60_000;
    }

    expect(await db().outboxItem.findMany({ where: { workspaceId, status: { not: "done" } }, select: { kind: true, status: true, lastError: true } })).toEqual([]);
    const contacts = [...fake.objects.contacts.values()];
    expect(contacts).toHaveLength(LEADS);
    const deals = [...fake.objects.deals.values()];
    expect(deals.map((deal) => deal.properties.leadbridge_conversation_id).sort()).toEqual(leads.map((lead) => lead.conversationId).sort());
    const links = await db().crmLink.findMany({ where: { conversation: { workspaceId } } });
    expect(links).toHaveLength(LEADS);
    expect(new Set(links.map((link) => link.crmContactId))).toEqual(new Set(contacts.map((contact) => contact.id)));
    const tasks = [...fake.objects.tasks.values()];
    const followUps = await db().followUp.findMany({ where: { workspaceId } });
    expect(followUps.map((followUp) => followUp.status)).toEqual(Array(LEADS).fill("done"));
    expect(tasks.map((task) => task.properties.leadbridge_follow_up_id).sort()).toEqual(followUps.map((followUp) => followUp.id).sort());
    expect(await db().leadProposal.count({ where: { workspaceId, syncStatus: "synced" } })).toBe(LEADS);
  });
});
