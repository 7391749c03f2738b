// The review API as the dashboard and API-key clients call it: problem+json
// errors, the stale-version conflict, and another workspace's lead as 404.
import { beforeAll, describe, expect, it } from "vitest";
import * as approveRoute from "@/app/api/v1/leads/[id]/approve/route";
import * as mergeRoute from "@/app/api/v1/leads/[id]/merge/route";
import * as rejectRoute from "@/app/api/v1/leads/[id]/reject/route";
import * as leadRoute from "@/app/api/v1/leads/[id]/route";
import { db } from "@/lib/db/client";
import { call } from "@/tests/support/http";
import { signInCookie, twoWorkspaces } from "@/tests/support/people";

let world: Awaited<ReturnType<typeof twoWorkspaces>>;
let reviewerCookie: string;

beforeAll(async () => {
  world = await twoWorkspaces();
  reviewerCookie = await signInCookie("reviewer@alpha.test");
});

async function leadInA(waId: string, name = "Lucía Martínez") {
  const conversation = await db().conversation.create({
    data: { workspaceId: world.a.workspaceId, source: "import", contactWaId: waId, firstMessageAt: new Date(), lastMessageAt: new Date() },
  });
  await db().message.create({
    data: { workspaceId: world.a.workspaceId, conversationId: conversation.id, providerMessageId: `wamid.${conversation.id}`, role: "user", body: `Hola, soy ${name}`, sentAt: new Date() },
  });
  return db().leadProposal.create({
    data: { workspaceId: world.a.workspaceId, conversationId: conversation.id, status: "proposed", name, phone: `+${waId}`, phoneE164: `+${waId}`, qualifies: true },
  });
}

describe("review routes", () => {
  it("approve as a signed-in reviewer; a stale second approve gets 409 naming who changed it", async () => {
    const lead = await leadInA("5215512345678");
    const ok = await call(approveRoute.POST, `/api/v1/leads/${lead.id}/approve`, { method: "POST", cookie: reviewerCookie, body: { version: 1 }, params: { id: lead.id } });
    expect(ok.status).toBe(200);
    expect((await ok.json()).proposal).toMatchObject({ status: "approved", version: 2 });
    const stale = await call(approveRoute.POST, `/api/v1/leads/${lead.id}/approve`, { method: "POST", key: world.a.apiKey.key, body: { version: 1 }, params: { id: lead.id } });
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toContain("application/problem+json");
    expect(await stale.json()).toMatchObject({ status: 409, detail: expect.stringContaining("changed by reviewer@alpha.test"), currentVersion: 2 });
  });

  it("shows the lead with its transcript and a duplicate from the same WhatsApp number", async () => {
    const first = await leadInA("5511987650000", "Ana Souza");
    await call(approveRoute.POST, "/x", { method: "POST", cookie: reviewerCookie, body: { version: 1 }, params: { id: first.id } });
    const again = await leadInA("5511987650000", "Ana Souza");
    const response = await call(leadRoute.GET, `/api/v1/leads/${again.id}`, { cookie: reviewerCookie, params: { id: again.id } });
    expect(response.status).toBe(200);
    const detail = await response.json();
    expect(detail.transcript.messages).toEqual([expect.objectContaining({ text: "Hola, soy Ana Souza", role: "user" })]);
    expect(detail.duplicates).toEqual([expect.objectContaining({ kind: "contact", exact: true, reasons: expect.arrayContaining(["same phone +5511987650000"]) })]);
    // Approving beside it is refused with the candidates; the merge preview shows the result.
    const refused = await call(approveRoute.POST, "/x", { method: "POST", cookie: reviewerCookie, body: { version: 1 }, params: { id: again.id } });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: "duplicate_contact", duplicates: [expect.objectContaining({ id: detail.duplicates[0].id })] });
    const preview = await call(mergeRoute.POST, "/x", { method: "POST", cookie: reviewerCookie, body: { version: 1, contactId: detail.duplicates[0].id, preview: true }, params: { id: again.id } });
    expect(await preview.json()).toMatchObject({ after: { name: "Ana Souza", phone: "+5511987650000" }, changes: [] });
  });

  it("validates bodies: a rejection for another reason needs a note", async () => {
    const lead = await leadInA("5215598765432");
    const response = await call(rejectRoute.POST, "/x", { method: "POST", cookie: reviewerCookie, body: { version: 1, reason: "other" }, params: { id: lead.id } });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ errors: [{ path: "note", message: expect.stringContaining("say why") }] });
  });

  it("answers 404 to another workspace's key and reviewer, and 401 without credentials", async () => {
    const lead = await leadInA("5215511112222");
    const byKey = await call(leadRoute.GET, "/x", { key: world.b.apiKey.key, params: { id: lead.id } });
    expect(byKey.status).toBe(404);
    const reviewerB = await signInCookie("reviewer@beta.test");
    const byPerson = await call(rejectRoute.POST, "/x", { method: "POST", cookie: reviewerB, body: { version: 1, reason: "spam" }, params: { id: lead.id } });
    expect(byPerson.status).toBe(404);
    expect((await db().leadProposal.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe("proposed");
    expect((await call(leadRoute.GET, "/x", { params: { id: lead.id } })).status).toBe(401);
  });
});
