// Contacts worth opening, against PostgreSQL and the real routes: search by
// name, email and phone digits, paging, a detail with everything about the
// person, a CSV export of the filtered list, and nothing of another workspace.
import { beforeAll, describe, expect, it } from "vitest";
import * as detailRoute from "@/app/api/v1/contacts/[id]/route";
import * as exportRoute from "@/app/api/v1/contacts/export/route";
import * as listRoute from "@/app/api/v1/contacts/route";
import type { ContactDetail } from "@/lib/contacts/detail";
import { db } from "@/lib/db/client";
import { proposeFollowUp } from "@/lib/followups/propose-for-conversation";
import { approveProposal, rejectProposal, type ReviewActor } from "@/lib/leads/review";
import { call } from "@/tests/support/http";
import { signInCookie, twoWorkspaces } from "@/tests/support/people";
import { uniqueId } from "@/tests/support/whatsapp";

let world: Awaited<ReturnType<typeof twoWorkspaces>>;
let reviewer: string;
const ana: ReviewActor = { actorType: "user", actorId: null, actorLabel: "reviewer@alpha.test" };

type ListBody = { rows: { id: string; name: string }[]; nextCursor: string | null };

async function lead(workspaceId: string, waId: string, fields: { name: string; email?: string; company?: string }, text = "Oi, quero um orçamento do kit solar") {
  const at = new Date("2026-11-20T13:00:00Z");
  const conversation = await db().conversation.create({ data: { workspaceId, source: "import", contactWaId: waId, contactProfileName: fields.name.split(" ")[0], firstMessageAt: at, lastMessageAt: at, lastUserMessageAt: at, messageCount: 1 } });
  await db().message.create({ data: { workspaceId, conversationId: conversation.id, providerMessageId: uniqueId("wamid"), role: "user", body: text, sentAt: at } });
  const phone = `+${waId}`;
  const proposal = await db().leadProposal.create({
    data: { workspaceId, conversationId: conversation.id, status: "proposed", name: fields.name, email: fields.email ?? null, emailNormalized: fields.email?.toLowerCase() ?? null, phone, phoneE164: phone, company: fields.company ?? null, qualifies: true, urgencyLevel: "medium" },
  });
  await proposeFollowUp(workspaceId, conversation.id, new Date(at.getTime() + 60_000));
  return { conversation, proposal };
}

beforeAll(async () => {
  world = await twoWorkspaces();
  reviewer = await signInCookie("reviewer@alpha.test");
  const a = world.a.workspaceId;
  const first = await lead(a, "5511987650101", { name: "Fernanda Costa", email: "fernanda@paoquente.com.br", company: "Padaria Pão Quente" });
  await approveProposal({ workspaceId: a, proposalId: first.proposal.id, expectedVersion: 1, actor: ana });
  await db().crmLink.create({ data: { conversationId: first.conversation.id, crmSystem: "internal", crmContactId: (await db().leadProposal.findUniqueOrThrow({ where: { id: first.proposal.id } })).contactId! } });
  for (const [index, name] of ["Rafael Souza", "Beatriz Lima", "Carlos Eduardo Lima"].entries()) {
    const other = await lead(a, `55219876501${10 + index}`, { name, email: `${name.split(" ")[0]!.toLowerCase()}@example.test` });
    await approveProposal({ workspaceId: a, proposalId: other.proposal.id, expectedVersion: 1, actor: ana });
  }
  // The same person writes again from their WhatsApp number; that lead is rejected.
  const again = await lead(a, "5511987650101", { name: "Fernanda Costa" }, "Esqueci de perguntar: tem garantia?");
  await rejectProposal({ workspaceId: a, proposalId: again.proposal.id, expectedVersion: 1, actor: ana, rejection: { reason: "duplicate" } });
  // Another workspace's contact with a matching name.
  const b = await lead(world.b.workspaceId, "525512345678", { name: "Fernanda Ruiz", email: "fernanda@beta.test" });
  await approveProposal({ workspaceId: world.b.workspaceId, proposalId: b.proposal.id, expectedVersion: 1, actor: ana });
});

const list = async (query: string) => {
  const response = await call(listRoute.GET, `/api/v1/contacts?${query}`, { cookie: reviewer });
  expect(response.status).toBe(200);
  return (await response.json()) as ListBody;
};
const names = (body: ListBody) => body.rows.map((row) => row.name).sort();

describe("contact search", () => {
  it("finds people by name, email, company and phone digits, only in the workspace", async () => {
    expect(names(await list("q=fernanda"))).toEqual(["Fernanda Costa"]);
    expect(names(await list("q=LIMA"))).toEqual(["Beatriz Lima", "Carlos Eduardo Lima"]);
    expect(names(await list("q=paoquente.com"))).toEqual(["Fernanda Costa"]);
    expect(names(await list("q=Pão Quente"))).toEqual(["Fernanda Costa"]);
    expect(names(await list("q=98765-0101"))).toEqual(["Fernanda Costa"]);
    expect(names(await list(`q=${encodeURIComponent("(21) 98765")}`))).toEqual(["Beatriz Lima", "Carlos Eduardo Lima", "Rafael Souza"]);
    expect(names(await list("q=nobody"))).toEqual([]);
    expect((await list("")).rows).toHaveLength(4);
  });

  it("pages with a cursor and names a bad parameter", async () => {
    const first = await list("limit=3");
    expect(first.rows).toHaveLength(3);
    const second = await list(`limit=3&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ nextCursor: null });
    expect(new Set([...first.rows, ...second.rows].map((row) => row.id)).size).toBe(4);
    const bad = await call(listRoute.GET, "/api/v1/contacts?limit=0", { cookie: reviewer });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ errors: [{ path: "limit" }] });
  });
});

describe("contact detail", () => {
  it("shows the person's conversations, leads, review decisions, follow-ups and CRM links", async () => {
    const [fernanda] = (await list("q=fernanda")).rows;
    const response = await call(detailRoute.GET, "/x", { cookie: reviewer, params: { id: fernanda!.id } });
    expect(response.status).toBe(200);
    const detail = (await response.json()) as ContactDetail;
    expect(detail.contact).toMatchObject({ name: "Fernanda Costa", email: "fernanda@paoquente.com.br", company: "Padaria Pão Quente" });
    expect(detail.conversations).toHaveLength(2); // the approved one and the later one from the same number
    expect(detail.leads.map((row) => row.status)).toEqual(["approved"]);
    expect(detail.decisions.map((row) => row.action)).toEqual(["lead.approved"]);
    expect(detail.followUps.map((row) => row.status).sort()).toEqual(["proposed", "scheduled"]);
    expect(detail.crmLinks).toMatchObject([{ crmSystem: "internal", url: `/contacts/${fernanda!.id}` }]);

    const elsewhere = await db().contact.findFirstOrThrow({ where: { workspaceId: world.b.workspaceId } });
    expect((await call(detailRoute.GET, "/x", { cookie: reviewer, params: { id: elsewhere.id } })).status).toBe(404);
    expect((await call(detailRoute.GET, "/x", { cookie: reviewer, params: { id: "not-an-id" } })).status).toBe(404);
  });
});

describe("CSV export", () => {
  it("exports every contact of the filtered list, quoted as spreadsheets read it", async () => {
    const response = await call(exportRoute.GET, "/api/v1/contacts/export?q=lima", { cookie: reviewer });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,name,email,phone,company,product_interest,urgency,lead_score,created_at,updated_at");
    expect(lines.slice(1).map((line) => line.split(",")[1]).sort()).toEqual(["Beatriz Lima", "Carlos Eduardo Lima"]);
    const all = await (await call(exportRoute.GET, "/api/v1/contacts/export", { cookie: reviewer })).text();
    expect(all.trimEnd().split("\r\n")).toHaveLength(5);
    expect(all).toContain(",Padaria Pão Quente,");
    expect(all).not.toContain("Fernanda Ruiz");
  });
});
