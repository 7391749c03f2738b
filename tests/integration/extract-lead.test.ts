// Extraction as the background worker runs it: a conversation in PostgreSQL
// becomes a stored LeadProposal with evidence pointing at its messages, and a
// reviewed proposal is never overwritten.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { extractLead } from "@/lib/leads/extract-lead";
import { drainDueWork } from "@/lib/jobs/drain";
import { enqueue } from "@/lib/outbox/outbox";

let seq = 0;

async function conversationWith(messages: [role: "user" | "assistant", text: string][], waId = "551187654321", profileName: string | null = "Ana") {
  seq += 1;
  const workspace = await db().workspace.create({
    data: { name: `x ${seq}`, slug: `extract-${seq}`, defaultCountry: "BR", products: ["Solar Panel Kit", "Home Battery", "EV Charger"] },
  });
  const start = Date.parse("2026-11-20T12:00:00Z");
  const conversation = await db().conversation.create({
    data: { workspaceId: workspace.id, source: "import", contactWaId: waId, contactProfileName: profileName, firstMessageAt: new Date(start), lastMessageAt: new Date(start + messages.length * 60_000) },
  });
  await db().message.createMany({
    data: messages.map(([role, body], index) => ({
      workspaceId: workspace.id,
      conversationId: conversation.id,
      providerMessageId: `wamid.${seq}.${index}`,
      role,
      body,
      sentAt: new Date(start + index * 60_000),
    })),
  });
  return { workspaceId: workspace.id, conversationId: conversation.id };
}

describe("extractLead", () => {
  it("stores a qualifying proposal with evidence on our message ids, the WhatsApp number in today's form, and a score", async () => {
    const { workspaceId, conversationId } = await conversationWith([
      ["user", "Oi! Quero um kit solar"],
      ["assistant", "Olá! Qual o seu nome completo e e-mail?"],
      ["user", "Ana Beatriz Souza, ana.souza@gmail.com"],
      ["user", "É urgente, a conta de luz veio altíssima"],
    ]);
    expect(await extractLead(workspaceId, conversationId)).toMatchObject({ status: "proposed" });
    const proposal = await db().leadProposal.findUniqueOrThrow({ where: { conversationId } });
    expect(proposal).toMatchObject({
      status: "proposed",
      name: "Ana Beatriz Souza",
      emailNormalized: "ana.souza@gmail.com",
      phoneE164: "+5511987654321",
      productInterest: "Solar Panel Kit",
      urgencyLevel: "high",
      qualifies: true,
      extractor: "embedded",
    });
    const nameEvidence = (proposal.evidence as { name: { messageId: string; quote: string } }).name;
    const message = await db().message.findUniqueOrThrow({ where: { id: nameEvidence.messageId } });
    expect(message.body).toContain(nameEvidence.quote);
    const flags = (proposal.validation as { flags: { code: string }[] }).flags.map((flag) => flag.code);
    expect(flags).toContain("phone_from_whatsapp");
    expect(await db().behavioralScore.count({ where: { conversationId, source: "embedded" } })).toBe(1);
  });

  it("keeps a lead without a name as insufficient, with the reason", async () => {
    // No name in the chat and no WhatsApp profile name to fall back on.
    const { workspaceId, conversationId } = await conversationWith([["user", "Quanto custa a bateria?"]], "5511987654321", null);
    expect(await extractLead(workspaceId, conversationId)).toMatchObject({ status: "insufficient" });
    const proposal = await db().leadProposal.findUniqueOrThrow({ where: { conversationId } });
    expect(proposal.insufficientReason).toMatch(/no name/);
    expect(proposal.qualifies).toBe(false);
  });

  it("re-extracts when new messages arrive, but never overwrites a reviewed proposal", async () => {
    const { workspaceId, conversationId } = await conversationWith([["user", "Oi, sou a Juliana Ribeiro, quero a bateria"]]);
    await extractLead(workspaceId, conversationId);
    const first = await db().leadProposal.findUniqueOrThrow({ where: { conversationId } });
    await extractLead(workspaceId, conversationId);
    expect((await db().leadProposal.findUniqueOrThrow({ where: { conversationId } })).version).toBe(first.version + 1);

    await db().leadProposal.update({ where: { conversationId }, data: { status: "rejected", name: "kept as the reviewer left it" } });
    expect(await extractLead(workspaceId, conversationId)).toMatchObject({ status: "skipped" });
    expect(await db().leadProposal.findUniqueOrThrow({ where: { conversationId } })).toMatchObject({ status: "rejected", name: "kept as the reviewer left it" });
  });

  it("runs from the outbox through jobs:drain's handlers", async () => {
    const { workspaceId, conversationId } = await conversationWith([["user", "Hi, I'm Grace Adeyemi, grace@adeyemifoods.ng, we need an EV charger ASAP"]], "2348031234567");
    await enqueue(db(), { workspaceId, kind: "extract_lead", payload: { conversationId }, dedupeKey: conversationId, availableAt: new Date(0) });
    expect(await drainDueWork({ worker: "test" })).toMatchObject({ done: 1 });
    expect(await db().leadProposal.findUniqueOrThrow({ where: { conversationId } })).toMatchObject({ name: "Grace Adeyemi", productInterest: "EV Charger", urgencyLevel: "high" });
  });

  it("ends the work at once, without retrying, when the conversation is gone", async () => {
    const { workspaceId, conversationId } = await conversationWith([["user", "Oi"]]);
    const { id } = await enqueue(db(), { workspaceId, kind: "extract_lead", payload: { conversationId }, dedupeKey: conversationId, availableAt: new Date(0) });
    await db().conversation.delete({ where: { id: conversationId } });
    expect(await drainDueWork({ worker: "test" })).toMatchObject({ failed: 1, retrying: 0 });
    expect(await db().outboxItem.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed", attempts: 1, lastError: "Conversation not found" });
  });

  it("answers 404 for another workspace's conversation", async () => {
    const { conversationId } = await conversationWith([["user", "Oi"]]);
    const other = await conversationWith([["user", "Oi"]]);
    await expect(extractLead(other.workspaceId, conversationId)).rejects.toMatchObject({ code: "not_found" });
  });
});
