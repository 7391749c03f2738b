// Duplicate candidates for a proposed lead, matched in PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findDuplicateCandidates, NEAR_ANSWER_LIMIT } from "@/lib/leads/duplicates";
import { nameSimilarity } from "@/lib/leads/name-similarity";

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

  it("finds initials, one-word names and names written in another order", async () => {
    const initials = await db().workspace.create({ data: { name: "Initials", slug: "dups-initials", defaultCountry: "BR" } });
    await db().contact.createMany({
      data: [
        { workspaceId: initials.id, name: "João Pedro Almeida", phoneE164: "+5511911110001" },
        { workspaceId: initials.id, name: "M. Ferreira", phoneE164: "+5511911110002" },
        { workspaceId: initials.id, name: "Raimunda", phoneE164: "+5511911110003" },
        { workspaceId: initials.id, name: "Almeida Costa", phoneE164: "+5511911110004" },
      ],
    });
    const names = async (name: string) =>
      (await findDuplicateCandidates(initials.id, query({ name, phones: ["+5521988880000"] }))).map((candidate) => candidate.name).sort();
    expect(await names("J. P. Almeida")).toEqual(["João Pedro Almeida"]);
    expect(await names("Marta Ferreira")).toEqual(["M. Ferreira"]);
    expect(await names("Raimunda Nonata Silva")).toEqual(["Raimunda"]);
    expect(await names("Costa, Almeida")).toEqual(["Almeida Costa"]);
    expect(await names("Pedro Costa")).toEqual([]);
  });

  it("answers the most similar near candidates first, at most NEAR_ANSWER_LIMIT of them", async () => {
    const common = await db().workspace.create({ data: { name: "Common", slug: "dups-common", defaultCountry: "BR" } });
    // Three of the four words (0.75) for more people than the answer holds, then one with all four (1.0).
    await db().contact.createMany({
      data: Array.from({ length: NEAR_ANSWER_LIMIT + 5 }, (_, i) => ({ workspaceId: common.id, name: `Ana Maria Silva Rocha ${i}`, phoneE164: `+55119222${String(i).padStart(5, "0")}` })),
    });
    await db().contact.create({ data: { workspaceId: common.id, name: "Ana Maria Silva Costa Lima", phoneE164: "+5511933330000" } });
    const found = await findDuplicateCandidates(common.id, query({ name: "Ana Maria Silva Costa", phones: ["+5521988880000"] }));
    expect(found).toHaveLength(NEAR_ANSWER_LIMIT);
    expect(found[0]).toMatchObject({ name: "Ana Maria Silva Costa Lima", exact: false });
    expect(found.slice(1).every((candidate) => candidate.name?.startsWith("Ana Maria Silva Rocha"))).toBe(true);
  });

  it("indexes every pair of names the name rule accepts (the index may offer more, never less)", async () => {
    const names = [
      "Ana Beatriz Souza", "Ana Souza", "A. Souza", "Ana B. Souza", "Souza Ana", "Ana", "A.", "Beatriz", "ana-beatriz souza",
      "José Carlos da Silva", "Jose Silva", "J. C. Silva", "Silva", "Silva Silva", "Carlos Silva Silva", "Zoë O'Brien", "Zoe Brien",
      "Lucía Martínez Gómez", "LUCIA MARTINEZ", "L. Martinez", "Martínez", "Nguyễn Văn Ánh", "Nguyen Anh", "Søren Kierkegaard", "Søren K.",
    ];
    const pairs = names.flatMap((looked) => names.map((contact) => ({ looked, contact })));
    const overlaps = await db().$queryRaw<{ looked: string; contact: string; overlap: boolean }[]>`
      SELECT x.looked, x.contact, contact_name_match_keys(x.contact) && contact_name_query_keys(x.looked) AS overlap
        FROM unnest(${pairs.map((pair) => pair.looked)}::text[], ${pairs.map((pair) => pair.contact)}::text[]) AS x(looked, contact)`;
    const accepted = overlaps.filter((row) => nameSimilarity(row.looked, row.contact) >= 0.75);
    expect(accepted.length).toBeGreaterThan(names.length);
    expect(accepted.filter((row) => !row.overlap)).toEqual([]);
    // And the index is not everything: a different person shares no key.
    expect(overlaps.find((row) => row.looked === "Jose Silva" && row.contact === "Ana Souza")?.overlap).toBe(false);
  });
});

