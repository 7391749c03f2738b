// A batch of leads to HubSpot (the local fake) through the batch endpoints:
// one record HubSpot refuses fails alone while the batch costs a few requests,
// not a few per lead; and a batch retried after HubSpot's writes landed but
// their answers were lost (a timeout, a crash between HubSpot's write and
// ours) finds what the first attempt made and creates nothing twice.
import { describe, expect, it } from "vitest";
import { crmLeadNoteMarker } from "@/lib/crm/lead-record";
import { db } from "@/lib/db/client";
import { drainDueWork } from "@/lib/jobs/drain";
import { syncLeadJob } from "@/lib/jobs/sync-lead";
import { FakeHubSpot } from "@/tests/fakes/hubspot-server";
import { connectHubSpot } from "@/tests/support/crm";
import { withFakeHubSpot } from "@/tests/support/hubspot";

const fake = new FakeHubSpot({ searchLagMs: 60_000 });
withFakeHubSpot(fake);

let seq = 0;

async function workspaceWithLeads(count: number, emailOf: (i: number) => string) {
  seq += 1;
  const workspaceId = (await db().workspace.create({ data: { name: `batch ${seq}`, slug: `hs-batch-faults-${seq}`, defaultCountry: "BR" } })).id;
  await connectHubSpot(workspaceId, fake.accessToken);
  const leads: { proposalId: string; conversationId: string; email: string }[] = [];
  for (let i = 0; i < count; i++) {
    const phone = `+5511977${String(seq).padStart(2, "0")}${String(i).padStart(4, "0")}`;
    const email = emailOf(i);
    const conversation = await db().conversation.create({
      data: { workspaceId, source: "import", contactWaId: phone.slice(1), firstMessageAt: new Date(), lastMessageAt: new Date() },
    });
    const contact = await db().contact.create({ data: { workspaceId, name: `Prospect Number${i}`, email, emailNormalized: email, phoneE164: phone } });
    const proposal = await db().leadProposal.create({
      data: { workspaceId, conversationId: conversation.id, status: "approved", name: contact.name, contactId: contact.id, syncStatus: "queued" },
    });
    await syncLeadJob.enqueue(db(), { leadProposalId: proposal.id }, { workspaceId, dedupeKey: proposal.id, availableAt: new Date(0) });
    leads.push({ proposalId: proposal.id, conversationId: conversation.id, email });
  }
  return { workspaceId, leads };
}

/** What HubSpot holds for these leads: contacts by email, deals by conversation, notes naming each lead. */
function inHubSpot(leads: { proposalId: string; conversationId: string; email: string }[]) {
  const contacts = leads.map((lead) => fake.contactsWith("email", lead.email));
  const deals = leads.map((lead) => [...fake.objects.deals.values()].filter((deal) => deal.properties.leadbridge_conversation_id === lead.conversationId));
  const notes = leads.map((lead) => [...fake.objects.notes.values()].filter((note) => note.properties.hs_note_body?.includes(crmLeadNoteMarker(lead.proposalId))));
  return { contacts, deals, notes };
}

describe("sync_lead batches to HubSpot", () => {
  it("fails only the record HubSpot refuses in a batch of 40, in a few requests for the whole batch", { timeout: 60_000 }, async () => {
    const { workspaceId, leads } = await workspaceWithLeads(40, (i) => (i === 17 ? `typo${seq}@@example` : `batch${seq}.${i}@example.com`));
    const requestsBefore = fake.requests.length;

    await drainDueWork({ worker: "drain-batch" });

    const refused = leads[17]!;
    expect(await db().leadProposal.findUniqueOrThrow({ where: { id: refused.proposalId } })).toMatchObject({
      syncStatus: "failed",
      syncError: expect.stringContaining(`Email address ${refused.email} is invalid`),
    });
    const others = leads.filter((lead) => lead !== refused);
    expect(await db().leadProposal.count({ where: { id: { in: others.map((lead) => lead.proposalId) }, syncStatus: "synced" } })).toBe(39);
    const { contacts, deals, notes } = inHubSpot(others);
    for (const [index] of others.entries()) {
      expect(contacts[index]).toHaveLength(1);
      expect(deals[index]).toHaveLength(1);
      expect(notes[index]).toHaveLength(1);
      expect(fake.associationsOf("deals", deals[index]![0]!.id).map((association) => association.toId)).toEqual([contacts[index]![0]!.id]);
    }
    expect(inHubSpot([refused]).contacts[0]).toEqual([]);
    expect(await db().crmLink.count({ where: { conversation: { workspaceId } } })).toBe(39);
    // The whole batch (account set-up included) took a handful of requests, not several per lead.
    expect(fake.requests.length - requestsBefore).toBeLessThan(20);
    expect(await db().outboxItem.count({ where: { workspaceId, status: { in: ["pending", "claimed"] } } })).toBe(0);
  });

  it("creates nothing twice when the batch is retried after HubSpot's deal and note writes landed but their answers were lost", { timeout: 60_000 }, async () => {
    const { workspaceId, leads } = await workspaceWithLeads(25, (i) => `retried${seq}.${i}@example.com`);
    const requestsBefore = fake.requests.length;
    fake.loseAnswerNext(/\/crm\/v3\/objects\/deals\/batch\/upsert$/);
    fake.loseAnswerNext(/\/crm\/v3\/objects\/notes\/batch\/create$/);

    let clock = Date.now();
    for (let pass = 0; pass < 6; pass++) {
      await drainDueWork({ worker: `drain-retry-${pass}`, now: () => new Date(clock) });
      if ((await db().outboxItem.count({ where: { workspaceId, status: { in: ["pending", "claimed"] } } })) === 0) break;
      // Past the retry's backoff, on the runner's clock.
      clock += 10 * 60_000;
    }

    // Both writes landed the first time and their answers were lost.
    const requests = fake.requests.slice(requestsBefore);
    expect(requests.filter((request) => request.path.endsWith("/deals/batch/upsert"))).toHaveLength(1);
    expect(requests.filter((request) => request.path.endsWith("/notes/batch/create"))).toHaveLength(1);
    expect(await db().leadProposal.count({ where: { workspaceId, syncStatus: "synced" } })).toBe(25);
    const { contacts, deals, notes } = inHubSpot(leads);
    for (const [index] of leads.entries()) {
      expect(contacts[index]).toHaveLength(1);
      expect(deals[index]).toHaveLength(1);
      expect(notes[index]).toHaveLength(1);
      const contactId = contacts[index]![0]!.id;
      expect(fake.associationsOf("deals", deals[index]![0]!.id).map((association) => association.toId)).toEqual([contactId]);
      expect(fake.associationsOf("notes", notes[index]![0]!.id).map((association) => association.toId).sort()).toEqual([contactId, deals[index]![0]!.id].sort());
    }
    expect(await db().crmLink.count({ where: { conversation: { workspaceId } } })).toBe(25);
    expect(await db().outboxItem.findMany({ where: { workspaceId, status: { not: "done" } }, select: { status: true, lastError: true } })).toEqual([]);
  });
});
