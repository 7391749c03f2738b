// An approved lead reaches the internal CRM exactly once, with its labeled
// scores, through the outbox; pushed scores are idempotent per version.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { drainDueWork } from "@/lib/jobs/drain";
import { syncLeadJob } from "@/lib/jobs/sync-lead";
import { enqueue } from "@/lib/outbox/outbox";
import { currentScore, recordPushedScore } from "@/lib/scoring/scores";

let seq = 0;

async function approvedLead() {
  seq += 1;
  const workspace = await db().workspace.create({ data: { name: `sync ${seq}`, slug: `sync-${seq}`, defaultCountry: "BR" } });
  const conversation = await db().conversation.create({
    data: { workspaceId: workspace.id, source: "import", contactWaId: "5511987654321", firstMessageAt: new Date(), lastMessageAt: new Date() },
  });
  const contact = await db().contact.create({
    data: { workspaceId: workspace.id, name: "Ana Beatriz Souza", email: "ana.souza@gmail.com", emailNormalized: "ana.souza@gmail.com", phoneE164: "+5511987654321" },
  });
  const proposal = await db().leadProposal.create({
    data: { workspaceId: workspace.id, conversationId: conversation.id, status: "approved", name: "Ana Beatriz Souza", contactId: contact.id, productInterest: "Home Battery", syncStatus: "queued" },
  });
  return { workspaceId: workspace.id, conversationId: conversation.id, contactId: contact.id, proposalId: proposal.id };
}

/** Queues the lead's sync and runs it as jobs:drain does. */
async function syncLead(proposalId: string) {
  await syncLeadJob.enqueue(db(), { leadProposalId: proposalId }, { workspaceId: lead.workspaceId, dedupeKey: proposalId });
  return drainDueWork({ worker: "test" });
}

let lead: Awaited<ReturnType<typeof approvedLead>>;
beforeEach(async () => {
  lead = await approvedLead();
});

describe("the sync_lead job to the internal CRM", () => {
  it("links the conversation to the contact and a lead once, however often it runs", async () => {
    await syncLead(lead.proposalId);
    await syncLead(lead.proposalId);
    const links = await db().crmLink.findMany({ where: { conversationId: lead.conversationId } });
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ crmSystem: "internal", crmContactId: lead.contactId });
    const crmLead = await db().crmLead.findUniqueOrThrow({ where: { conversationId: lead.conversationId } });
    expect(links[0]!.crmLeadId).toBe(crmLead.id);
    expect(crmLead.title).toBe("WhatsApp lead: Ana Beatriz Souza — Home Battery");
    expect(await db().contact.count({ where: { workspaceId: lead.workspaceId } })).toBe(1);
    expect(await db().leadProposal.findUniqueOrThrow({ where: { id: lead.proposalId } })).toMatchObject({ syncStatus: "synced", syncError: null });
  });

  it("writes the labeled scores as words, never a bare number", async () => {
    await recordPushedScore(lead.workspaceId, lead.conversationId, { intent_score: 0.82, objection_type: "timing", follow_up_tone: "urgency_alignment", version: 1 });
    await syncLead(lead.proposalId);
    const contact = await db().contact.findUniqueOrThrow({ where: { id: lead.contactId } });
    expect(contact.leadScore).toMatch(/^High \(0\.82\)$/);
    expect(contact.primaryObjection).toMatch(/timing/i);
    expect(contact.recommendedApproach).toMatch(/urgency/i);
  });

  it("refuses to sync a lead that is not approved, and marks it failed through the drain", async () => {
    await db().leadProposal.update({ where: { id: lead.proposalId }, data: { status: "rejected" } });
    await enqueue(db(), { workspaceId: lead.workspaceId, kind: "sync_lead", payload: { leadProposalId: lead.proposalId } });
    const summary = await drainDueWork({ worker: "test" });
    expect(summary).toMatchObject({ failed: 1 });
    expect(summary.errors[0]!.error).toMatch(/rejected, not approved/);
    expect(await db().leadProposal.findUniqueOrThrow({ where: { id: lead.proposalId } })).toMatchObject({ syncStatus: "failed" });
    expect(await db().crmLink.count({ where: { conversationId: lead.conversationId } })).toBe(0);
  });
});

describe("pushed behavioral scores", () => {
  const payload = { intent_score: 0.45, objection_type: "price", follow_up_tone: "value_proof", version: 3 };

  it("are idempotent per version and refuse other values under a used version", async () => {
    expect((await recordPushedScore(lead.workspaceId, lead.conversationId, payload)).created).toBe(true);
    expect((await recordPushedScore(lead.workspaceId, lead.conversationId, payload)).created).toBe(false);
    await expect(recordPushedScore(lead.workspaceId, lead.conversationId, { ...payload, intent_score: 0.9 })).rejects.toMatchObject({ code: "conflict" });
    expect(await db().behavioralScore.count({ where: { conversationId: lead.conversationId } })).toBe(1);
    expect((await currentScore(lead.workspaceId, lead.conversationId))?.labels.summary).toMatch(/^Medium intent — price objection — /);
  });

  it("queue a push to the CRM when the lead is already linked, and the drain delivers it", async () => {
    await syncLead(lead.proposalId);
    await recordPushedScore(lead.workspaceId, lead.conversationId, payload);
    expect(await db().outboxItem.count({ where: { kind: "push_scores", status: "pending" } })).toBe(1);
    await drainDueWork({ worker: "test" });
    expect((await db().contact.findUniqueOrThrow({ where: { id: lead.contactId } })).leadScore).toBe("Medium (0.45)");
  });

  it("cannot be pushed for another workspace's conversation", async () => {
    const other = await approvedLead();
    await expect(recordPushedScore(other.workspaceId, lead.conversationId, payload)).rejects.toMatchObject({ code: "not_found" });
  });
});
