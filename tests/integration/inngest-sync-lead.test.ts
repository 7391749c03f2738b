// The sync-lead and push-scores Inngest functions, run by @inngest/test with
// their real steps against PostgreSQL and the internal CRM.
import { InngestTestEngine } from "@inngest/test";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { drainOutbox } from "@/lib/outbox/drain";
import { outboxHandlers } from "@/lib/outbox/handlers";
import { enqueue } from "@/lib/outbox/outbox";
import { recordPushedScore } from "@/lib/scoring/scores";
import { outboxEventName } from "@/inngest/events";
import { pushScoresFunction } from "@/inngest/functions/push-scores";
import { syncLeadFunction } from "@/inngest/functions/sync-lead";

let seq = 0;
let lead: { workspaceId: string; conversationId: string; contactId: string; proposalId: string; outboxItemId: string };

beforeEach(async () => {
  seq += 1;
  const workspace = await db().workspace.create({ data: { name: `fn ${seq}`, slug: `fn-${seq}`, defaultCountry: "BR", crmProvider: "internal" } });
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

const syncEvent = () => [{ name: outboxEventName("sync_lead"), data: { outboxItemId: lead.outboxItemId, workspaceId: lead.workspaceId } }] as [{ name: string; data: Record<string, unknown> }];

describe("sync-lead function", () => {
  it("runs each CRM call as its own step, links the conversation once and marks the work done", async () => {
    const engine = new InngestTestEngine({ function: syncLeadFunction, events: syncEvent() });
    const { result, ctx } = await engine.execute();
    expect(result).toMatchObject({ crmContactId: lead.contactId });
    const stepIds = (ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map(([id]) => id);
    expect(stepIds).toEqual(expect.arrayContaining(["claim", "upsert-contact", "create-lead", "write-crm-link", "push-labeled-scores", "mark-synced", "complete"]));
    expect(await db().crmLink.count({ where: { conversationId: lead.conversationId } })).toBe(1);
    expect(await db().outboxItem.findUniqueOrThrow({ where: { id: lead.outboxItemId } })).toMatchObject({ status: "done" });
    expect(await db().leadProposal.findUniqueOrThrow({ where: { id: lead.proposalId } })).toMatchObject({ syncStatus: "synced" });
  });

  it("skips work jobs:drain already did, so it is never done twice", async () => {
    await drainOutbox({ handlers: outboxHandlers, worker: "operator" });
    const linkedAt = (await db().crmLink.findFirstOrThrow({ where: { conversationId: lead.conversationId } })).linkedAt;
    const { result } = await new InngestTestEngine({ function: syncLeadFunction, events: syncEvent() }).execute();
    expect(result).toEqual({ skipped: expect.stringContaining("done already") });
    expect((await db().crmLink.findFirstOrThrow({ where: { conversationId: lead.conversationId } })).linkedAt).toEqual(linkedAt);
  });

  it("fails without retrying when the lead is no longer approved, and shows why", async () => {
    await db().leadProposal.update({ where: { id: lead.proposalId }, data: { status: "rejected" } });
    const { error } = await new InngestTestEngine({ function: syncLeadFunction, events: syncEvent() }).execute();
    expect(error).toMatchObject({ name: "NonRetriableError" });
    expect(await db().outboxItem.findUniqueOrThrow({ where: { id: lead.outboxItemId } })).toMatchObject({ status: "failed" });
    expect(await db().leadProposal.findUniqueOrThrow({ where: { id: lead.proposalId } })).toMatchObject({ syncStatus: "failed", syncError: expect.stringMatching(/rejected/) });
  });
});

describe("push-scores function", () => {
  it("writes a new score version's labels to the linked contact", async () => {
    await drainOutbox({ handlers: outboxHandlers, worker: "operator" });
    await recordPushedScore(lead.workspaceId, lead.conversationId, { intent_score: 0.2, objection_type: "price", follow_up_tone: "nurture", version: 2 });
    const item = await db().outboxItem.findFirstOrThrow({ where: { kind: "push_scores", workspaceId: lead.workspaceId } });
    const { result } = await new InngestTestEngine({
      function: pushScoresFunction,
      events: [{ name: outboxEventName("push_scores"), data: { outboxItemId: item.id, workspaceId: lead.workspaceId } }],
    }).execute();
    expect(result).toEqual({ pushed: 1 });
    expect(await db().contact.findUniqueOrThrow({ where: { id: lead.contactId } })).toMatchObject({ leadScore: "Low (0.20)", primaryObjection: expect.stringMatching(/price/i) });
  });
});
