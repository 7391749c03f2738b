// One sync_lead definition, run by both runners against the local fake HubSpot
// (whose search lags a minute behind writes): in a batch, the lead HubSpot
// rejects fails alone with HubSpot's reason; the same phone-only prospect
// synced from two workspaces of one HubSpot account at once becomes one
// contact; every other lead gets one contact, one deal and one CRM link. Both
// workspaces are connected to that account, so they draw on its one budget.
import { describe, expect, it } from "vitest";
import { crmAccountKeyFor } from "@/lib/crm/adapters";
import { db } from "@/lib/db/client";
import { drainDueWork } from "@/lib/jobs/drain";
import { syncLeadJob } from "@/lib/jobs/sync-lead";
import { FakeHubSpot } from "@/tests/fakes/hubspot-server";
import { connectHubSpot } from "@/tests/support/crm";
import { withFakeHubSpot } from "@/tests/support/hubspot";
import { runInInngest } from "@/tests/support/jobs";

const fake = new FakeHubSpot({ searchLagMs: 60_000 });
withFakeHubSpot(fake);

let seq = 0;

async function hubspotWorkspace() {
  seq += 1;
  const workspaceId = (await db().workspace.create({ data: { name: `hs ${seq}`, slug: `hs-batch-${seq}`, defaultCountry: "BR" } })).id;
  // Every workspace here is connected to the fake's one account.
  await connectHubSpot(workspaceId, fake.accessToken);
  return workspaceId;
}

async function approvedLead(workspaceId: string, who: { name: string; email?: string; phone: string }) {
  seq += 1;
  const conversation = await db().conversation.create({
    data: { workspaceId, source: "import", contactWaId: who.phone.slice(1), firstMessageAt: new Date(), lastMessageAt: new Date() },
  });
  const contact = await db().contact.create({
    data: { workspaceId, name: who.name, email: who.email ?? null, emailNormalized: who.email ?? null, phoneE164: who.phone },
  });
  const proposal = await db().leadProposal.create({
    data: { workspaceId, conversationId: conversation.id, status: "approved", name: who.name, contactId: contact.id, syncStatus: "queued" },
  });
  const item = await syncLeadJob.enqueue(db(), { leadProposalId: proposal.id }, { workspaceId, dedupeKey: proposal.id, availableAt: new Date(0) });
  return { proposalId: proposal.id, conversationId: conversation.id, itemId: item.id };
}

const runners = {
  "jobs:drain": async (batches: string[][]) => {
    await Promise.all(batches.map((_, i) => drainDueWork({ worker: `drain-${i}` })));
  },
  "Inngest": async (batches: string[][]) => {
    await Promise.all(batches.map((itemIds) => runInInngest("sync_lead", itemIds)));
  },
};

for (const [index, [runner, run]] of Object.entries(runners).entries()) {
  // Each runner's prospects are other people, in the one fake HubSpot.
  const n = String(index);
  describe(`sync_lead to HubSpot through ${runner}`, () => {
    it("fails only the lead HubSpot rejects, and makes one contact of a phone-only prospect synced from two workspaces at once", { timeout: 60_000 }, async () => {
      const shop = await hubspotWorkspace();
      const branch = await hubspotWorkspace();
      const ana = await approvedLead(shop, { name: "Ana Souza", email: `ana${n}@example.com`, phone: `+551191111000${n}` });
      const typo = await approvedLead(shop, { name: "Bruno Typo", email: `bruno${n}@@example`, phone: `+551191111100${n}` });
      const rosaAtShop = await approvedLead(shop, { name: "Rosa Lima", phone: `+55119876543${n}1` });
      // The same prospect wrote to the branch from her old number (without the 9th digit).
      const rosaAtBranch = await approvedLead(branch, { name: "Rosa Lima", phone: `+5511876543${n}1` });

      await run([[ana.itemId, typo.itemId, rosaAtShop.itemId], [rosaAtBranch.itemId]]);

      const refused = await db().leadProposal.findUniqueOrThrow({ where: { id: typo.proposalId } });
      expect(refused).toMatchObject({ syncStatus: "failed", syncError: expect.stringContaining(`Email address bruno${n}@@example is invalid`) });
      for (const lead of [ana, rosaAtShop, rosaAtBranch]) {
        expect(await db().leadProposal.findUniqueOrThrow({ where: { id: lead.proposalId } })).toMatchObject({ syncStatus: "synced", syncError: null });
      }
      const ours = new Set([`ana${n}@example.com`, `bruno${n}@@example`, `+55119876543${n}1`]);
      const contacts = [...fake.objects.contacts.values()].filter((contact) => ours.has(contact.properties.email ?? contact.properties.leadbridge_phone ?? ""));
      expect(contacts.map((contact) => contact.properties.email ?? contact.properties.leadbridge_phone).sort()).toEqual([`+55119876543${n}1`, `ana${n}@example.com`]);
      const links = await db().crmLink.findMany({ where: { crmSystem: "hubspot", conversationId: { in: [ana, typo, rosaAtShop, rosaAtBranch].map((lead) => lead.conversationId) } } });
      expect(links).toHaveLength(3);
      const rosa = contacts.find((contact) => contact.properties.leadbridge_phone)!;
      expect(links.filter((link) => link.crmContactId === rosa.id).map((link) => link.conversationId).sort()).toEqual([rosaAtShop.conversationId, rosaAtBranch.conversationId].sort());
      // One deal per synced conversation, keyed by it, associated with its contact.
      const conversations = new Set([ana, typo, rosaAtShop, rosaAtBranch].map((lead) => lead.conversationId));
      const deals = [...fake.objects.deals.values()].filter((deal) => conversations.has(deal.properties.leadbridge_conversation_id ?? ""));
      expect(deals.map((deal) => deal.properties.leadbridge_conversation_id).sort()).toEqual([ana, rosaAtShop, rosaAtBranch].map((lead) => lead.conversationId).sort());
      for (const deal of deals) expect(fake.associationsOf("deals", deal.id)).toHaveLength(1);
      // Two workspaces on one account: one request budget, the portal's, kept in PostgreSQL.
      const portal = `hubspot:${fake.portalId}`;
      expect([await crmAccountKeyFor(shop), await crmAccountKeyFor(branch)]).toEqual([portal, portal]);
      const windows = await db().$queryRaw<{ budget_key: string; sent: number }[]>`
        SELECT budget_key, coalesce(cardinality(sent_at), 0) AS sent FROM crm_request_windows`;
      expect(windows.find((window) => window.budget_key === portal)?.sent).toBeGreaterThan(0);
      expect(windows.filter((window) => [shop, branch].some((workspaceId) => window.budget_key.includes(workspaceId)))).toEqual([]);
      expect(await db().outboxItem.groupBy({ by: ["status"], where: { kind: "sync_lead" }, _count: { _all: true } })).toEqual(
        expect.not.arrayContaining([expect.objectContaining({ status: "claimed" }), expect.objectContaining({ status: "pending" })]),
      );
    });
  });
}
