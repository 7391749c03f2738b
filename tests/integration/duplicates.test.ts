// Duplicate candidates for a proposed lead, matched in PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findDuplicateCandidates } from "@/lib/leads/duplicates";

let workspaceId: string;
let otherWorkspaceId: string;

beforeAll(async () => {
  workspaceId = (await db().workspace.create({ data: { name: "Dups", slug: "dups", defaultCountry: "BR" } })).id;
  otherWorkspaceId = (await db().workspace.create({ data: { name: "Other", slug: "dups-other", defaultCountry: "BR" } })).id;
  await db().contact.createMany({
    data: [
      { workspaceId, name: "Ana Beatriz Souza", email: "Ana.Souza@gmail.com", emailNormalized: "ana.souza@gmail.com", phoneE164: "+5511987654321" },
      { workspaceId, name: "Lucía Martínez", phoneE164: "+525512345678" },
      { workspaceId, name: "Carlos Eduardo Lima", company: "Transportes Lima", phoneE164: "+5521998761234" },
      { workspaceId, name: "Roberto Alves", phoneE164: "+5551987651111" },
      { workspaceId, name: "Grace Adeyemi", emailNormalized: "grace@adeyemifoods.ng", phoneE164: "+2348031234567" },
      // Same email in another workspace: never a candidate here.
      { workspaceId: otherWorkspaceId, name: "Ana Other", emailNormalized: "ana.souza@gmail.com" },
    ],
  });
});

const query = (overrides: Partial<Parameters<typeof findDuplicateCandidates>[1]>) => ({ name: null, email: null, phones: [], company: null, ...overrides });

describe("findDuplicateCandidates", () => {
  it("matches the same email whatever its case, only in the same workspace", async () => {
    const found = await findDuplicateCandidates(workspaceId, query({ email: "ANA.SOUZA@GMAIL.COM" }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "contact", name: "Ana Beatriz Souza", exact: true, reasons: ["same email ana.souza@gmail.com"] });
    // The dashboard words the reason from its code and value in the reader's language.
    expect(found[0]!.reasonPhrases).toEqual([{ code: "same_email", params: { email: "ana.souza@gmail.com" }, message: "same email ana.souza@gmail.com" }]);
  });

  it("matches a Brazilian wa_id without the 9th digit to the contact with it", async () => {
    const found = await findDuplicateCandidates(workspaceId, query({ phones: ["+551187654321"] }));
    expect(found.map((candidate) => [candidate.name, candidate.exact, candidate.reasons])).toEqual([["Ana Beatriz Souza", true, ["same phone +5511987654321"]]]);
  });

  it("matches a Mexican +521 number to the contact without the 1", async () => {
    const found = await findDuplicateCandidates(workspaceId, query({ phones: ["+5215512345678"] }));
    expect(found[0]).toMatchObject({ name: "Lucía Martínez", exact: true });
  });

  it("gives every reason when email and phone both match", async () => {
    const found = await findDuplicateCandidates(workspaceId, query({ email: "grace@adeyemifoods.ng", phones: ["+2348031234567"] }));
    expect(found).toHaveLength(1);
    expect(found[0]!.reasons.sort()).toEqual(["same email grace@adeyemifoods.ng", "same phone +2348031234567"]);
  });

  it("offers a similar name at the same company as a near match", async () => {
    const found = await findDuplicateCandidates(workspaceId, query({ name: "Carlos Lima", company: "transportes lima", phones: ["+5511900000000"] }));
    expect(found).toEqual([expect.objectContaining({ name: "Carlos Eduardo Lima", exact: false, reasons: ["similar name at the same company (Transportes Lima)"] })]);
    expect(found[0]!.reasonPhrases).toEqual([expect.objectContaining({ code: "similar_name_same_company", params: { company: "Transportes Lima" } })]);
  });

  it("offers a similar name in the same phone country as a near match, and not a different person", async () => {
    const found = await findDuplicateCandidates(workspaceId, query({ name: "roberto alves", phones: ["+5551911112222"] }));
    expect(found).toEqual([expect.objectContaining({ name: "Roberto Alves", exact: false, reasons: ["similar name in the same phone country (+55)"] })]);
    expect(found[0]!.reasonPhrases).toEqual([expect.objectContaining({ code: "similar_name_same_country", params: { country: "+55" } })]);
    expect(await findDuplicateCandidates(workspaceId, query({ name: "Paulo Mendes", phones: ["+5541999990000"] }))).toEqual([]);
  });

  it("includes earlier open leads with the same phone, but not the proposal itself or rejected ones", async () => {
    const conversation = await db().conversation.create({
      data: { workspaceId, source: "import", contactWaId: "5585988887777", firstMessageAt: new Date(), lastMessageAt: new Date() },
    });
    const second = await db().conversation.create({
      data: { workspaceId, source: "import", contactWaId: "5585988887777", firstMessageAt: new Date(), lastMessageAt: new Date() },
    });
    const third = await db().conversation.create({
      data: { workspaceId, source: "import", contactWaId: "5585988887777", firstMessageAt: new Date(), lastMessageAt: new Date() },
    });
    const earlier = await db().leadProposal.create({ data: { workspaceId, conversationId: conversation.id, status: "proposed", name: "Juliana Ribeiro", phoneE164: "+5585988887777" } });
    await db().leadProposal.create({ data: { workspaceId, conversationId: third.id, status: "rejected", name: "Juliana R", phoneE164: "+5585988887777" } });
    const current = await db().leadProposal.create({ data: { workspaceId, conversationId: second.id, status: "proposed", name: "Juliana Ribeiro", phoneE164: "+5585988887777" } });
    const found = await findDuplicateCandidates(workspaceId, query({ phones: ["+5585988887777"], excludeProposalId: current.id }));
    expect(found.map((candidate) => [candidate.kind, candidate.id])).toEqual([["lead", earlier.id]]);
  });

  it("finds similar names among any number of contacts (no cap on rows looked at), accents and case aside", async () => {
    const crowd = await db().workspace.create({ data: { name: "Crowd", slug: "dups-crowd", defaultCountry: "BR" } });
    // 1,200 people in the same phone country first, then the one who matches.
    await db().contact.createMany({ data: Array.from({ length: 1_200 }, (_, i) => ({ workspaceId: crowd.id, name: `Pessoa Numero ${i}`, phoneE164: `+55119${String(i).padStart(8, "0")}` })) });
    await db().contact.create({ data: { workspaceId: crowd.id, name: "Lucía Martínez Gómez", phoneE164: "+5511977776666" } });
    const found = await findDuplicateCandidates(crowd.id, query({ name: "LUCIA MARTINEZ", phones: ["+5521988880000"] }));
    expect(found).toEqual([expect.objectContaining({ name: "Lucía Martínez Gómez", exact: false, reasons: ["similar name in the same phone country (+55)"] })]);
  });
});
