// Approved leads reach HubSpot (a local fake that answers like HubSpot) exactly
// once each, with their labeled fields and one crm_links row, through the
// outbox drain, despite injected 429s, 500s, timeouts and a worker that died
// mid-batch.
import { beforeAll, describe, expect, it } from "vitest";
import { FakeHubSpot } from "@/tests/fakes/hubspot-server";
import { withFakeHubSpot } from "@/tests/support/hubspot";
import { db } from "@/lib/db/client";
import { drainDueWork } from "@/lib/jobs/drain";
import { CLAIM_LEASE_MS, claimItems, enqueue } from "@/lib/outbox/outbox";
import { recordPushedScore } from "@/lib/scoring/scores";
import { connectHubSpot } from "@/tests/support/crm";

const fake = new FakeHubSpot({ rateLimit: { limit: 40, windowMs: 10_000 } });
let workspaceId: string;
const LEADS = 12;

// Our budget off: the fake's limit must be hit and survived.
withFakeHubSpot(fake, { HUBSPOT_TIMEOUT_MS: "500", HUBSPOT_REQUESTS_PER_10S: "1000" });

beforeAll(async () => {
  workspaceId = (await db().workspace.create({ data: { name: "HubSpot shop", slug: "hubspot-shop", defaultCountry: "BR" } })).id;
  // Our budget off (above what the account advertises): the fake's limit must be hit and survived.
  await connectHubSpot(workspaceId, fake.accessToken, { requestsPer10s: 1000 });
  for (let i = 0; i < LEADS; i++) {
    const phone = `+55119876543${String(i).padStart(2, "0")}`;
    const conversation = await db().conversation.create({
      data: { workspaceId, source: "import", contactWaId: phone.slice(1), firstMessageAt: new Date(), lastMessageAt: new Date() },
    });
    const email = `lead${i}@example.com`;
    const contact = await db().contact.create({ data: { workspaceId, name: `Lead Number${i}`, email, emailNormalized: email, phoneE164: phone } });
    const proposal = await db().leadProposal.create({
      data: { workspaceId, conversationId: conversation.id, status: "approved", name: contact.name, contactId: contact.id, syncStatus: "queued" },
    });
    await recordPushedScore(workspaceId, conversation.id, { intent_score: 0.75, objection_type: "timing", follow_up_tone: "urgency_alignment", version: 1 });
    await enqueue(db(), { workspaceId, kind: "sync_lead", payload: { leadProposalId: proposal.id } });
  }
});

describe("sync to HubSpot through the outbox", () => {
  it("ends with exactly one HubSpot contact per lead, labeled, and one crm_links row each", { timeout: 120_000 }, async () => {
    // A worker claims part of the batch and dies before finishing it.
    const someItems = await db().outboxItem.findMany({ where: { workspaceId, kind: "sync_lead" }, take: 4, select: { id: true } });
    const abandoned = await claimItems(someItems.map((item) => item.id), "crashed-worker");
    expect(abandoned).toHaveLength(4);
    fake.failNext(3);
    fake.hangNext(2);

    // Operators (or the dev server) drain until the work is done; retries become
    // due as the clock moves, and the dead worker's claims expire.
    let clock = Date.now();
    const deadline = Date.now() + 60_000;
    for (let round = 0; Date.now() < deadline; round++) {
      await drainDueWork({ worker: `drain-${round}`, now: () => new Date(clock) });
      const left = await db().outboxItem.count({ where: { workspaceId, kind: "sync_lead", status: { not: "done" } } });
      if (left === 0) break;
      clock += CLAIM_LEASE_MS + 60_000;
      // The fake's 10-second window is real time.
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    const unfinished = await db().outboxItem.findMany({ where: { workspaceId, kind: "sync_lead", status: { not: "done" } }, select: { status: true, lastError: true, attempts: true } });
    expect(unfinished).toEqual([]);
    const hubspotContacts = [...fake.objects.contacts.values()];
    expect(hubspotContacts).toHaveLength(LEADS);
    const emails = hubspotContacts.map((contact) => contact.properties.email);
    expect(new Set(emails).size).toBe(LEADS);
    for (const contact of hubspotContacts) {
      expect(contact.properties.leadbridge_lead_score).toBe("High (0.75)");
      expect(contact.properties.leadbridge_primary_objection).toMatch(/timing/i);
      expect(contact.properties.leadbridge_recommended_approach).toMatch(/urgency/i);
    }
    const links = await db().crmLink.findMany({ where: { crmSystem: "hubspot", conversation: { workspaceId } } });
    expect(links).toHaveLength(LEADS);
    expect(new Set(links.map((link) => link.crmContactId))).toEqual(new Set(hubspotContacts.map((contact) => contact.id)));
    expect(await db().leadProposal.count({ where: { workspaceId, syncStatus: "synced" } })).toBe(LEADS);
    // The fake really did throttle and fail: the sync survived it.
    expect(fake.requests.some((request) => request.status === 429 || request.status >= 500)).toBe(true);
  });
});
