// The review queue's list (listQueue) and GET /api/v1/leads against a real
// database: every filter, search, sorts, keyset pages across ties, the
// duplicate badge, workspace isolation, and the route's 422/401/roles.
import { beforeAll, describe, expect, it } from "vitest";
import * as leadsRoute from "@/app/api/v1/leads/route";
import { db, Prisma } from "@/lib/db/client";
import { listQueue } from "@/lib/leads/queue";
import type { QueueQueryInput } from "@/lib/leads/queue-query";
import { call } from "../support/http";
import { signInCookie, twoWorkspaces } from "../support/people";

let world: Awaited<ReturnType<typeof twoWorkspaces>>;
let A: string;
let B: string;
const T0 = new Date("2026-03-10T12:00:00.000Z");
const minutesAfter = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

type Seed = {
  wa: string;
  at: Date;
  profile?: string;
  language?: string;
  proposal?: Partial<Prisma.LeadProposalUncheckedCreateInput>;
};

const ids: Record<string, { conversationId: string; proposalId: string | null }> = {};

async function seed(workspaceId: string, key: string, s: Seed) {
  const conversation = await db().conversation.create({
    data: { workspaceId, source: "import", contactWaId: s.wa, contactProfileName: s.profile ?? null, language: s.language ?? "pt", firstMessageAt: s.at, lastMessageAt: s.at, messageCount: 1 },
  });
  await db().message.create({ data: { workspaceId, conversationId: conversation.id, providerMessageId: `wamid.${key}`, role: "user", body: `hello from ${key}`, sentAt: s.at } });
  const proposal = s.proposal ? await db().leadProposal.create({ data: { workspaceId, conversationId: conversation.id, ...s.proposal } }) : null;
  ids[key] = { conversationId: conversation.id, proposalId: proposal?.id ?? null };
}

const valid = { email_valid: true, phone_valid: true, phone_type: "mobile", phone_country: "BR", flags: [] };

beforeAll(async () => {
  world = await twoWorkspaces();
  A = world.a.workspaceId;
  B = world.b.workspaceId;
  await seed(A, "ana", {
    wa: "5511987650001", at: minutesAfter(10), profile: "Ana B", language: "pt",
    proposal: { status: "proposed", name: "Ana Beatriz Souza", email: "ana@gmail.com", emailNormalized: "ana@gmail.com", phone: "+5511987650001", phoneE164: "+5511987650001", productInterest: "Solar Kit", urgencyLevel: "high", validation: { ...valid, flags: [{ code: "phone_from_whatsapp", field: "phone" }] }, confidence: { name: 0.9, email: 0.95, phone: 0.85 } },
  });
  // The same person again: each is the other's duplicate; and a contact with her email.
  await seed(A, "ana2", {
    wa: "5511987650001", at: minutesAfter(20), profile: "Ana B", language: "pt",
    proposal: { status: "proposed", name: "Ana Souza", email: "ANA@gmail.com", emailNormalized: "ana@gmail.com", phone: "+5511987650001", phoneE164: "+5511987650001", urgencyLevel: "medium", validation: valid, confidence: { name: 0.6, email: 0.9 } },
  });
  await seed(A, "bruno", {
    wa: "5521912340002", at: minutesAfter(30), profile: "Bruno", language: "es",
    proposal: { status: "insufficient", name: null, email: "bruno@gmial.com", emailNormalized: "bruno@gmial.com", productInterest: "Battery", urgencyLevel: "low", validation: { email_valid: true, phone_valid: false, phone_type: null, phone_country: null, flags: [{ code: "email_typo_hint", field: "email", suggestion: "bruno@gmail.com" }] }, confidence: { email: 0.4 }, phone: "+55123", phoneE164: "+55123" },
  });
  await seed(A, "carla", {
    wa: "5531900000003", at: minutesAfter(30), profile: "Carla Dias", language: "en",
    proposal: { status: "failed", urgencyLevel: null, failureReason: "provider error" },
  });
  await seed(A, "dora", {
    wa: "5531955550004", at: minutesAfter(30), profile: "Dora", language: "de",
    proposal: { status: "rejected", name: "Dora Lima", email: "dora@@x", emailNormalized: "dora@@x", phone: "+551133334444", phoneE164: "+551133334444", urgencyLevel: "high", validation: { email_valid: false, phone_valid: true, phone_type: "fixed_line", phone_country: "BR", flags: [{ code: "email_invalid", field: "email" }] }, syncStatus: "none" },
  });
  await seed(A, "eva", { wa: "5541977770005", at: minutesAfter(40), profile: "Eva Nova", language: "fr" });
  // Another workspace: same phone and name as Ana; never shown in A, never counted as A's duplicate.
  await seed(B, "other", {
    wa: "5511987650001", at: minutesAfter(50), profile: "Ana B",
    proposal: { status: "proposed", name: "Ana Beatriz Souza", email: "ana@gmail.com", emailNormalized: "ana@gmail.com", phoneE164: "+5511987650001", urgencyLevel: "high", validation: valid },
  });
  await db().contact.create({ data: { workspaceId: A, name: "Ana (CRM)", email: "ana@gmail.com", emailNormalized: "ana@gmail.com" } });
  await db().contact.create({ data: { workspaceId: B, name: "Ana (B's CRM)", phoneE164: "+5511987650001" } });
});

const keys = async (query: QueueQueryInput = {}) => (await listQueue(A, query)).rows.map((row) => Object.entries(ids).find(([, v]) => v.conversationId === row.conversationId)?.[0] ?? "?");

describe("listQueue", () => {
  it("lists the workspace's conversations newest first, with proposal fields beside them", async () => {
    const page = await listQueue(A);
    expect(page.nextCursor).toBeNull();
    // Ties at minute 30 break on conversation id (descending).
    const tied = ["bruno", "carla", "dora"].sort((x, y) => (ids[y]!.conversationId < ids[x]!.conversationId ? -1 : 1));
    expect(await keys()).toEqual(["eva", ...tied, "ana2", "ana"]);
    const ana = page.rows.find((row) => row.conversationId === ids.ana!.conversationId)!;
    expect(ana).toMatchObject({ contactName: "Ana B", contactWaId: "5511987650001", language: "pt", lastMessage: "hello from ana", messageCount: 1 });
    expect(ana.proposal).toMatchObject({
      id: ids.ana!.proposalId, status: "proposed", name: "Ana Beatriz Souza", emailCheck: "valid", productInterest: "Solar Kit", urgencyLevel: "high",
      phoneCheck: { valid: true, type: "mobile", country: "BR", fromWhatsApp: true }, confidence: 0.9, confidenceLevel: "high", syncStatus: "none",
    });
    const bruno = page.rows.find((row) => row.conversationId === ids.bruno!.conversationId)!;
    expect(bruno.proposal).toMatchObject({ emailCheck: "typo", emailSuggestion: "bruno@gmail.com", phoneCheck: { valid: false }, confidenceLevel: "low" });
    expect(page.rows.find((row) => row.conversationId === ids.eva!.conversationId)!.proposal).toBeNull();
  });

  it("sorts oldest first and by urgency (high, medium, low, none), newest first within one", async () => {
    expect((await keys({ sort: "oldest" })).slice(0, 2)).toEqual(["ana", "ana2"]);
    expect(await keys({ sort: "urgency" })).toEqual(["dora", "ana", "ana2", "bruno", "eva", "carla"]);
  });

  it("filters by status (several, and 'not extracted'), urgency, product, language and dates", async () => {
    expect((await keys({ status: ["failed", "rejected"] })).sort()).toEqual(["carla", "dora"]);
    expect(await keys({ status: ["not_extracted"] })).toEqual(["eva"]);
    expect((await keys({ status: ["not_extracted", "insufficient"] })).sort()).toEqual(["bruno", "eva"]);
    expect((await keys({ urgency: ["high"] })).sort()).toEqual(["ana", "dora"]);
    expect((await keys({ urgency: ["high"], sort: "urgency" }))).toEqual(["dora", "ana"]);
    expect(await keys({ product: "battery" })).toEqual(["bruno"]);
    expect(await keys({ language: "DE" })).toEqual(["dora"]);
    expect(await keys({ from: minutesAfter(35).toISOString() })).toEqual(["eva"]);
    expect((await keys({ to: minutesAfter(20).toISOString() }))).toEqual(["ana"]);
    expect((await keys({ from: "2026-03-10", to: "2026-03-10" })).length).toBe(6);
    expect(await keys({ from: "2026-03-11" })).toEqual([]);
  });

  it("follows a proposal's status and urgency as they change, and forgets them when it goes (kept on the conversation by a trigger)", async () => {
    await seed(B, "fern", { wa: "5551900000006", at: minutesAfter(5) });
    const conversationId = ids.fern!.conversationId;
    const inB = async (query: QueueQueryInput) => (await listQueue(B, query)).rows.map((row) => row.conversationId);
    const copy = () => db().conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { proposalStatus: true, urgencyRank: true } });
    try {
      expect(await copy()).toEqual({ proposalStatus: "not_extracted", urgencyRank: 0 });
      const proposal = await db().leadProposal.create({ data: { workspaceId: B, conversationId, status: "pending" } });
      expect(await inB({ status: ["pending"] })).toEqual([conversationId]);
      await db().leadProposal.update({ where: { id: proposal.id }, data: { status: "proposed", urgencyLevel: "high" } });
      expect(await copy()).toEqual({ proposalStatus: "proposed", urgencyRank: 3 });
      expect(await inB({ urgency: ["high"], sort: "urgency" })).toContain(conversationId);
      expect(await inB({ status: ["pending"] })).toEqual([]);
      await db().leadProposal.delete({ where: { id: proposal.id } });
      expect(await copy()).toEqual({ proposalStatus: "not_extracted", urgencyRank: 0 });
      expect(await inB({ status: ["not_extracted"] })).toEqual([conversationId]);
    } finally {
      await db().conversation.delete({ where: { id: conversationId } });
      delete ids.fern;
    }
  });

  it("filters by validation flags", async () => {
    expect(await keys({ flag: ["email_invalid"] })).toEqual(["dora"]);
    expect(await keys({ flag: ["phone_invalid"] })).toEqual(["bruno"]);
    expect(await keys({ flag: ["phone_fixed_line"] })).toEqual(["dora"]);
    expect(await keys({ flag: ["from_whatsapp"] })).toEqual(["ana"]);
    expect(await keys({ flag: ["email_typo"] })).toEqual(["bruno"]);
    expect((await keys({ flag: ["email_typo", "from_whatsapp"] })).sort()).toEqual(["ana", "bruno"]);
  });

  it("searches name (lead or profile), email and phone digits, case-insensitively", async () => {
    expect((await keys({ q: "beatriz" })).sort()).toEqual(["ana"]);
    expect((await keys({ q: "SOUZA" })).sort()).toEqual(["ana", "ana2"]);
    expect(await keys({ q: "carla d" })).toEqual(["carla"]);
    expect(await keys({ q: "GMIAL.com" })).toEqual(["bruno"]);
    expect(await keys({ q: "+55 11 3333-4444" })).toEqual(["dora"]);
    expect(await keys({ q: "41 97777" })).toEqual(["eva"]);
    expect(await keys({ q: "100%_" })).toEqual([]);
  });

  it("counts exact duplicates in the workspace: other proposals and contacts, not rejected ones, not itself", async () => {
    const rows = (await listQueue(A)).rows;
    const count = (key: string) => rows.find((row) => row.conversationId === ids[key]!.conversationId)!.proposal!.duplicateCount;
    // ana: ana2 (same phone and email) + the contact with her email. B's rows never count.
    expect(count("ana")).toBe(2);
    expect(count("ana2")).toBe(2);
    expect(count("bruno")).toBe(0);
    expect(count("dora")).toBe(0);
  });

  it("pages by keyset without skipping or repeating rows across ties, in every sort", async () => {
    for (const sort of ["newest", "oldest", "urgency"] as const) {
      const all = await keys({ sort });
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const result = await listQueue(A, { sort, limit: 1, cursor });
        seen.push(...result.rows.map((row) => Object.entries(ids).find(([, v]) => v.conversationId === row.conversationId)![0]));
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(6);
    }
  });

  it("never shows another workspace's rows", async () => {
    const bRows = (await listQueue(B)).rows;
    expect(bRows.map((row) => row.conversationId)).toEqual([ids.other!.conversationId]);
    expect(bRows[0]!.proposal!.duplicateCount).toBe(1); // B's own contact only
    expect((await listQueue(A, { q: "5511987650001" })).rows.map((row) => row.conversationId).sort()).toEqual([ids.ana!.conversationId, ids.ana2!.conversationId].sort());
  });

  it("refuses a bad query or a cursor of another sort with field paths", async () => {
    await expect(listQueue(A, { status: ["bogus" as never] })).rejects.toMatchObject({ code: "validation_failed" });
    const { nextCursor } = await listQueue(A, { limit: 1 });
    await expect(listQueue(A, { sort: "urgency", cursor: nextCursor! })).rejects.toMatchObject({ code: "validation_failed", details: { errors: [{ path: "cursor" }] } });
  });
});

describe("GET /api/v1/leads", () => {
  it("answers a reviewer's and an API key's workspace rows, with filters from the query string", async () => {
    const reviewer = await call(leadsRoute.GET, "/api/v1/leads?status=failed,rejected&sort=urgency", { cookie: await signInCookie("reviewer@alpha.test") });
    expect(reviewer.status).toBe(200);
    const body = (await reviewer.json()) as { rows: { conversationId: string }[]; nextCursor: string | null };
    expect(body.rows.map((row) => row.conversationId)).toEqual([ids.dora!.conversationId, ids.carla!.conversationId]);
    expect(body.nextCursor).toBeNull();
    const key = await call(leadsRoute.GET, "/api/v1/leads?status=proposed&status=pending&limit=1", { key: world.b.apiKey.key });
    expect(((await key.json()) as { rows: { conversationId: string }[] }).rows.map((row) => row.conversationId)).toEqual([ids.other!.conversationId]);
  });

  it("answers 422 naming each bad parameter, 401 without credentials", async () => {
    const bad = await call(leadsRoute.GET, "/api/v1/leads?status=nope&limit=500&sort=random&from=yesterday", { key: world.a.apiKey.key });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    const paths = ((await bad.json()) as { errors: { path: string }[] }).errors.map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(["status.0", "limit", "sort", "from"]));
    expect((await call(leadsRoute.GET, "/api/v1/leads")).status).toBe(401);
    expect((await call(leadsRoute.GET, "/api/v1/leads?cursor=garbage", { key: world.a.apiKey.key })).status).toBe(422);
  });
});
