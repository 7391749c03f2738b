// Reviewers' corrections against PostgreSQL: approving or merging an edited
// lead records each changed field once (extracted value, approved value,
// evidence), an unedited approval records none, and undo removes them.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { approveProposal, mergeProposal, undoReview, type ReviewActor } from "@/lib/leads/review";

const ana: ReviewActor = { actorType: "user", actorId: null, actorLabel: "ana@verde.example" };
let seq = 0;
let workspaceId: string;

beforeEach(async () => {
  seq += 1;
  workspaceId = (await db().workspace.create({ data: { name: `corrections ${seq}`, slug: `corrections-${seq}`, defaultCountry: "BR" } })).id;
});

async function proposal(waId: string, fields: { name: string; email: string | null; productInterest: string | null }) {
  const conversation = await db().conversation.create({
    data: { workspaceId, source: "import", contactWaId: waId, firstMessageAt: new Date(), lastMessageAt: new Date() },
  });
  return db().leadProposal.create({
    data: {
      workspaceId,
      conversationId: conversation.id,
      status: "proposed",
      name: fields.name,
      email: fields.email,
      emailNormalized: fields.email,
      phone: `+${waId}`,
      phoneE164: `+${waId}`,
      productInterest: fields.productInterest,
      urgencyLevel: "medium",
      qualifies: true,
      extractor: "embedded",
      evidence: { product_interest: { messageId: "m1", quote: "o plano de saúde" }, name: { messageId: "m0", quote: "sou a Ana" } },
    },
  });
}

describe("corrections", () => {
  it("records each field the reviewer changed, with what extraction said and its evidence", async () => {
    const lead = await proposal("5511987650001", { name: "Ana", email: "ana@example.com", productInterest: "Seguro Auto" });
    await approveProposal({
      workspaceId,
      proposalId: lead.id,
      expectedVersion: 1,
      actor: ana,
      // The name gains a surname; the email only changes case (not a correction); the product is replaced.
      edits: { name: "Ana Souza", email: "ANA@example.com", productInterest: "Plano de Saúde" },
    });
    const rows = await db().leadCorrection.findMany({ where: { leadProposalId: lead.id }, orderBy: { field: "asc" } });
    expect(rows.map((row) => ({ field: row.field, extractedValue: row.extractedValue, approvedValue: row.approvedValue }))).toEqual([
      { field: "name", extractedValue: "Ana", approvedValue: "Ana Souza" },
      { field: "product_interest", extractedValue: "Seguro Auto", approvedValue: "Plano de Saúde" },
    ]);
    expect(rows.find((row) => row.field === "product_interest")).toMatchObject({
      evidence: { messageId: "m1", quote: "o plano de saúde" },
      extractor: "embedded",
      correctedBy: ana.actorLabel,
      workspaceId,
    });
  });

  it("an approval without edits records no correction, and undo removes a review's corrections", async () => {
    const untouched = await proposal("5511987650002", { name: "Bruno Lima", email: null, productInterest: null });
    await approveProposal({ workspaceId, proposalId: untouched.id, expectedVersion: 1, actor: ana });
    expect(await db().leadCorrection.count({ where: { leadProposalId: untouched.id } })).toBe(0);

    const edited = await proposal("5511987650003", { name: "Carla", email: null, productInterest: null });
    await approveProposal({ workspaceId, proposalId: edited.id, expectedVersion: 1, actor: ana, edits: { name: "Carla Dias" } });
    expect(await db().leadCorrection.count({ where: { leadProposalId: edited.id } })).toBe(1);
    await undoReview({ workspaceId, proposalId: edited.id, expectedVersion: 2, actor: ana });
    expect(await db().leadCorrection.count({ where: { leadProposalId: edited.id } })).toBe(0);
  });

  it("a merge records the reviewer's edits to the lead, not the contact's values it kept", async () => {
    const first = await proposal("5511987650004", { name: "Davi Rocha", email: "davi@example.com", productInterest: null });
    const { contact } = await approveProposal({ workspaceId, proposalId: first.id, expectedVersion: 1, actor: ana });
    const second = await proposal("5511987650005", { name: "Davi", email: "davi@example.com", productInterest: "Seguro Auto" });
    await mergeProposal({
      workspaceId,
      proposalId: second.id,
      expectedVersion: 1,
      actor: ana,
      contactId: contact.id,
      // The contact keeps its name (a merge choice, not a correction); the reviewer fixes the product.
      choices: { name: "contact" },
      edits: { productInterest: "Plano de Saúde" },
    });
    const rows = await db().leadCorrection.findMany({ where: { leadProposalId: second.id } });
    expect(rows.map((row) => row.field)).toEqual(["product_interest"]);
  });
});
