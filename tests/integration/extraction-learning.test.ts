// Learning from reviewers against PostgreSQL: products reviewers set on
// approval (recorded as corrections) teach the extractor the prospects' word
// for them, so the next conversation using it is proposed with that product;
// another workspace learns nothing from them; replaying the approved leads
// scores extraction before (what it proposed) and after (now, learning from
// every other lead).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { extractLead } from "@/lib/leads/extract-lead";
import { replayApprovedLeads } from "@/lib/leads/replay";
import { approveProposal, type ReviewActor } from "@/lib/leads/review";

const CATALOG = ["Banho e Tosa", "Consulta Veterinária", "Vacinação Anual", "Hotel para Cães"];
const reviewer: ReviewActor = { actorType: "user", actorId: null, actorLabel: "rita@petshop.example" };
let seq = 0;

async function workspace() {
  seq += 1;
  return (await db().workspace.create({ data: { name: `pets ${seq}`, slug: `learning-${seq}`, defaultCountry: "BR", products: CATALOG } })).id;
}

async function chat(workspaceId: string, lines: Array<[role: "user" | "assistant", text: string]>) {
  seq += 1;
  const waId = `55119876${String(50000 + seq).padStart(5, "0")}`;
  const start = Date.parse("2026-05-04T12:00:00Z") + seq * 3_600_000;
  const conversation = await db().conversation.create({
    data: { workspaceId, source: "import", contactWaId: waId, firstMessageAt: new Date(start), lastMessageAt: new Date(start + lines.length * 60_000) },
  });
  await db().message.createMany({
    data: lines.map(([role, body], index) => ({ workspaceId, conversationId: conversation.id, providerMessageId: `wamid.learn.${seq}.${index}`, role, body, sentAt: new Date(start + index * 60_000) })),
  });
  return conversation.id;
}

/** A prospect asks for boarding in their own words; extraction does not know the word; the reviewer sets the product. */
async function approvedWithProduct(workspaceId: string, name: string, request: string, product: string) {
  const conversationId = await chat(workspaceId, [
    ["user", request],
    ["assistant", "Claro! Qual o seu nome completo?"],
    ["user", name],
  ]);
  await extractLead(workspaceId, conversationId);
  const proposal = await db().leadProposal.findUniqueOrThrow({ where: { conversationId } });
  await approveProposal({ workspaceId, proposalId: proposal.id, expectedVersion: proposal.version, actor: reviewer, edits: { productInterest: product } });
  return proposal;
}

describe("learning from reviewers' corrections", () => {
  it("a word reviewers mapped to a product in several conversations finds it in the next one, in that workspace only", async () => {
    const workspaceId = await workspace();
    const requests = ["Oi, preciso de hospedagem pro meu cachorro no feriado", "vocês têm hospedagem? vou viajar", "quanto custa a hospedagem por diária?"];
    const names = ["Marina Alves", "Pedro Santos", "Lucia Prado"];
    const before = [];
    for (const [index, request] of requests.entries()) before.push(await approvedWithProduct(workspaceId, names[index]!, request, "Hotel para Cães"));
    // Extraction did not read "hospedagem" as a product until two reviewers had corrected it: the third was learned.
    expect(before.map((proposal) => proposal.productInterest)).toEqual([null, null, "Hotel para Cães"]);
    expect(await db().leadCorrection.count({ where: { workspaceId, field: "product_interest", approvedValue: "Hotel para Cães" } })).toBe(2);
    // A conversation approved as it was: another product, its own words.
    await approvedWithProduct(workspaceId, "Rui Costa", "meu cachorro precisa de banho e tosa", "Banho e Tosa");

    const next = await chat(workspaceId, [["user", "Boa tarde, fazem hospedagem em dezembro? Sou a Clara Nunes"]]);
    await extractLead(workspaceId, next);
    expect(await db().leadProposal.findUniqueOrThrow({ where: { conversationId: next }, select: { productInterest: true } })).toEqual({ productInterest: "Hotel para Cães" });

    const elsewhere = await workspace();
    const other = await chat(elsewhere, [["user", "Boa tarde, fazem hospedagem em dezembro? Sou a Clara Nunes"]]);
    await extractLead(elsewhere, other);
    expect(await db().leadProposal.findUniqueOrThrow({ where: { conversationId: other }, select: { productInterest: true } })).toEqual({ productInterest: null });
  });

  it("replays the approved leads: before is what extraction proposed, after learns from the other leads", async () => {
    const workspaceId = await workspace();
    const requests = ["preciso de hospedagem pro meu cachorro", "tem hospedagem no natal?", "hospedagem para dois cachorros, quanto fica?", "quero hospedagem por uma semana"];
    // Proposed as an older extractor would have (no product), then corrected by the reviewer.
    for (const [index, request] of requests.entries()) {
      const name = ["Ana Lima", "Bia Rocha", "Caio Reis", "Davi Melo"][index]!;
      const conversationId = await chat(workspaceId, [["user", request], ["assistant", "Claro! Qual o seu nome completo?"], ["user", name]]);
      const conversation = await db().conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { contactWaId: true } });
      const proposal = await db().leadProposal.create({
        data: { workspaceId, conversationId, status: "proposed", name, phone: `+${conversation.contactWaId}`, phoneE164: `+${conversation.contactWaId}`, urgencyLevel: "low", qualifies: true, extractor: "embedded" },
      });
      await approveProposal({ workspaceId, proposalId: proposal.id, expectedVersion: 1, actor: reviewer, edits: { productInterest: "Hotel para Cães" } });
    }
    await approvedWithProduct(workspaceId, "Eva Nunes", "meu gato precisa da vacinação anual", "Vacinação Anual");

    const report = await replayApprovedLeads(workspaceId);
    expect(report.leads).toBe(5);
    expect(report.before.fieldAccuracy.product_interest).toBeCloseTo(1 / 5);
    expect(report.after.fieldAccuracy.product_interest).toBe(1);
    expect(report.after.fieldAccuracy.name).toBe(1);
  });
});
