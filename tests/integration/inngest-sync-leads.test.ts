// The sync_lead and push_scores jobs run by their Inngest functions
// (@inngest/test, real steps against PostgreSQL and the internal CRM), beside
// jobs:drain running the same definitions.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { drainDueWork } from "@/lib/jobs/drain";
import { enqueue } from "@/lib/outbox/outbox";
import { recordPushedScore } from "@/lib/scoring/scores";
import { runInInngest } from "@/tests/support/jobs";

let seq = 0;
let lead: { workspaceId: string; conversationId: string; contactId: string; proposalId: string; outboxItemId: string };

beforeEach(async () => {
  seq += 1;
  const workspace = await db().workspace.create({ data: { name: `fn ${seq}`, slug: `fn-${seq}`, defaultCountry: "BR" } });
  const conversation = await db().conversation.create({
    data: { workspaceId: workspace.id, source: "import", contactWaId: "5511987654321", firstMessageAt: new Date(), lastMessageAt: new Date() },
  });
  const contact = await db().contact.create({ data: { workspaceId: workspace.id, name: "Ana Souza", phoneE164: "+5511987654321" } });
  const proposal = await db().leadProposal.create({
    data: { workspaceId: workspace.id, conversationId: conversation.id, status: "approved", name: "Ana Souza", contactId: contact.id, syncStatus: "queued" },
  });
  const item = await enqueue(db(), { workspaceId: workspace.id, kind: "sync_lead", payload: { leadProposalId: proposal.id } });
  lead = { workspaceId: workspace.id, conversationId: conversation.id, contactId: contact.id, proposalId: proposal.id, outboxItemId: item.id };
});


describe("sync-leads function", () => {
  it("runs each CRM call of the batch as its own step, links the conversation once and marks the work done", async () => {
    const { result, stepIds } = await runInInngest("sync_lead", [lead.outboxItemId]);
    expect(result).toMatchObject({ done: [lead.outboxItemId], failed: [], retrying: [] });
    expect(stepIds).toEqual([
      "check-due-0",
      "claim",
      "load-plans",
      "mark-syncing",
      "upsert-contacts",
      "create-leads",
      "write-crm-links",
      "add-lead-notes",
      "push-labeled-scores",
      "mark-synced",
      `complete-${lead.outboxItemId}`,
    ]);
    expect(await db().crmLink.count({ where: { conversationId: lead.conversationId } })).toBe(1);
    // The internal CRM keeps the lead's note on its lead.
    expect((await db().crmLead.findUniqueOrThrow({ where: { conversationId: lead.conversationId } })).note).toContain(`/leads/${lead.proposalId}`);
    expect(await db().outboxItem.findUniqueOrThrow({ where: { id: lead.outboxItemId } })).toMatchObject({ status: "done" });
    expect(await db().leadProposal.findUniqueOrThrow({ where: { id: lead.proposalId } })).toMatchObject({ syncStatus: "synced" });
  });

  it("skips work jobs:drain already did, so it is never done twice", async () => {
    await drainDueWork({ worker: "operator" });
    const linkedAt = (await db().crmLink.findFirstOrThrow({ where: { conversationId: lead.conversationId } })).linkedAt;
    const { result } = await runInInngest("sync_lead", [lead.outboxItemId]);
    expect(result).toEqual({ skipped: expect.stringMatching(/done already/) });
    expect((await db().crmLink.findFirstOrThrow({ where: { conversationId: lead.conversationId } })).linkedAt).toEqual(linkedAt);
  });

  it("fails without retrying when the lead is no longer approved, and shows why", async () => {
    await db().leadProposal.update({ where: { id: lead.proposalId }, data: { status: "rejected" } });
    const { result } = await runInInngest("sync_lead", [lead.outboxItemId]);
    expect(result).toMatchObject({ done: [], failed: [lead.outboxItemId] });
    expect(await db().outboxItem.findUniqueOrThrow({ where: { id: lead.outboxItemId } })).toMatchObject({ status: "failed" });
    expect(await db().leadProposal.findUniqueOrThrow({ where: { id: lead.proposalId } })).toMatchObject({ syncStatus: "failed", syncError: expect.stringMatching(/rejected/) });
  });
});

describe("sync-leads batches", () => {
  it("upserts a batch's contacts in one step and keeps going past one lead that cannot sync", async () => {
    const others = [];
    for (const waId of ["5511911110001", "5511911110002"]) {
      const conversation = await db().conversation.create({
        data: { workspaceId: lead.workspaceId, source: "import", contactWaId: waId, firstMessageAt: new Date(), lastMessageAt: new Date() },
      });
      const contact = await db().contact.create({ data: { workspaceId: lead.workspaceId, name: `Lead ${waId}`, phoneE164: `+${waId}` } });
      const proposal = await db().leadProposal.create({
        data: { workspaceId: lead.workspaceId, conversationId: conversation.id, status: "approved", name: contact.name, contactId: contact.id, syncStatus: "queued" },
      });
      const item = await enqueue(db(), { workspaceId: lead.workspaceId, kind: "sync_lead", payload: { leadProposalId: proposal.id } });
      others.push({ proposalId: proposal.id, outboxItemId: item.id, conversationId: conversation.id });
    }
    // The second one was rejected after approval: it must fail alone.
    await db().leadProposal.update({ where: { id: others[1]!.proposalId }, data: { status: "rejected" } });
    const { result, stepIds } = await runInInngest("sync_lead", [lead.outboxItemId, ...others.map((other) => other.outboxItemId)]);
    expect(result).toMatchObject({ done: expect.arrayContaining([lead.outboxItemId, others[0]!.outboxItemId]), failed: [others[1]!.outboxItemId] });
    expect(stepIds.filter((id) => id === "upsert-contacts")).toHaveLength(1);
    expect(await db().crmLink.count({ where: { conversation: { workspaceId: lead.workspaceId } } })).toBe(2);
    expect(await db().leadProposal.findUniqueOrThrow({ where: { id: others[1]!.proposalId } })).toMatchObject({ syncStatus: "failed" });
    expect(await db().outboxItem.findUniqueOrThrow({ where: { id: others[1]!.outboxItemId } })).toMatchObject({ status: "failed" });
  });
});

describe("push-scores function", () => {
  it("writes a new score version's labels to the linked contact", async () => {
    await drainDueWork({ worker: "operator" });
    await recordPushedScore(lead.workspaceId, lead.conversationId, { intent_score: 0.2, objection_type: "price", follow_up_tone: "nurture", version: 2 });
    const item = await db().outboxItem.findFirstOrThrow({ where: { kind: "push_scores", workspaceId: lead.workspaceId } });
    const { result } = await runInInngest("push_scores", [item.id]);
    expect(result).toMatchObject({ done: [item.id] });
    expect(await db().contact.findUniqueOrThrow({ where: { id: lead.contactId } })).toMatchObject({ leadScore: "Low (0.20)", primaryObjection: expect.stringMatching(/price/i) });
  });
});
