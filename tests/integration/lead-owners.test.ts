// Lead owners by rule: admins set assignment rules (by product, by language,
// else round-robin among chosen members); extraction gives each new lead its
// owner by them, once, and never replaces a reviewer's choice (made in the
// queue); an owner is always a member of the workspace.
import { beforeAll, describe, expect, it } from "vitest";
import * as bulkRoute from "@/app/api/v1/leads/bulk/route";
import * as membersRoute from "@/app/api/v1/members/[id]/route";
import * as rulesRoute from "@/app/api/v1/owner-rules/route";
import { db } from "@/lib/db/client";
import { extractLead } from "@/lib/leads/extract-lead";
import { assignNewLeadOwner } from "@/lib/owners/assign";
import { call } from "@/tests/support/http";
import { signInCookie, twoWorkspaces } from "@/tests/support/people";

let world: Awaited<ReturnType<typeof twoWorkspaces>>;
let adminA: string;
let seq = 0;

/** A conversation in workspace A whose (embedded) extraction proposes a lead for `product` in `language`. */
async function conversation(language: string, messages: string[]) {
  seq += 1;
  const start = Date.parse("2026-11-20T12:00:00Z") + seq * 3_600_000;
  const created = await db().conversation.create({
    data: { workspaceId: world.a.workspaceId, source: "import", language, contactWaId: `55119876540${String(seq).padStart(2, "0")}`, contactProfileName: "Prospect", firstMessageAt: new Date(start), lastMessageAt: new Date(start + messages.length * 60_000) },
  });
  await db().message.createMany({
    data: messages.map((body, index) => ({ workspaceId: world.a.workspaceId, conversationId: created.id, providerMessageId: `wamid.owner.${seq}.${index}`, role: "user", body, sentAt: new Date(start + index * 60_000) })),
  });
  return created.id;
}

/** A proposal without extraction (for the round-robin's turns). */
async function bareProposal(product: string | null, language: string | null) {
  const conversationId = await conversation(language ?? "en", ["hello"]);
  await db().conversation.update({ where: { id: conversationId }, data: { language } });
  return (await db().leadProposal.create({ data: { workspaceId: world.a.workspaceId, conversationId, status: "proposed", name: "Lead", productInterest: product } })).id;
}

const ownerOf = async (proposalId: string) => (await db().leadProposal.findUniqueOrThrow({ where: { id: proposalId } })).ownerId;

beforeAll(async () => {
  world = await twoWorkspaces();
  adminA = await signInCookie("admin@alpha.test");
  await db().workspace.update({ where: { id: world.a.workspaceId }, data: { products: ["Solar Panel Kit", "Home Battery"] } });
});

describe("owner rules", () => {
  it("refuses rules naming someone outside the workspace, and are for admins only", async () => {
    const outsider = await call(rulesRoute.PUT, "/x", { method: "PUT", cookie: adminA, body: { byProduct: [], byLanguage: [], roundRobin: [world.adminA.userId, world.reviewerB.userId] } });
    expect(outsider.status).toBe(422);
    expect((await outsider.json()).errors).toEqual([{ path: "roundRobin.1", message: "is not a member of this workspace" }]);
    const reviewer = await signInCookie("reviewer@alpha.test");
    expect((await call(rulesRoute.PUT, "/x", { method: "PUT", cookie: reviewer, body: {} })).status).toBe(403);
  });

  it("gives new leads by product, then language, then in turn among the chosen members", async () => {
    const saved = await call(rulesRoute.PUT, "/x", {
      method: "PUT",
      cookie: adminA,
      body: {
        byProduct: [{ product: "Home Battery", userId: world.managerA.userId }],
        byLanguage: [{ language: "es", userId: world.adminA.userId }],
        roundRobin: [world.reviewerA.userId, world.adminA.userId],
      },
    });
    expect(saved.status).toBe(200);

    // Through extraction, as a new WhatsApp conversation arrives.
    const battery = await conversation("pt", ["Oi, quero uma bateria para casa. Sou Carla Dias, carla.dias@gmail.com"]);
    expect(await extractLead(world.a.workspaceId, battery)).toMatchObject({ status: "proposed" });
    const batteryLead = await db().leadProposal.findUniqueOrThrow({ where: { conversationId: battery } });
    expect(batteryLead.productInterest).toBe("Home Battery");
    expect(batteryLead.ownerId).toBe(world.managerA.userId);

    expect(await assignNewLeadOwner(world.a.workspaceId, await bareProposal(null, "es"))).toEqual({ userId: world.adminA.userId, rule: "language" });
    const turns = [];
    for (let i = 0; i < 4; i++) turns.push((await assignNewLeadOwner(world.a.workspaceId, await bareProposal("Solar Panel Kit", "pt")))?.userId);
    expect(turns).toEqual([world.reviewerA.userId, world.adminA.userId, world.reviewerA.userId, world.adminA.userId]);

    // Once: extracting again does not move the lead.
    await db().workspace.update({ where: { id: world.a.workspaceId }, data: { ownerRules: { roundRobin: [world.reviewerA.userId] } } });
    await extractLead(world.a.workspaceId, battery);
    expect(await ownerOf(batteryLead.id)).toBe(world.managerA.userId);
    const history = await db().auditEvent.findMany({ where: { targetId: batteryLead.id, action: "lead.assigned" } });
    expect(history).toHaveLength(1);
    expect(history[0]!.after).toEqual({ ownerId: world.managerA.userId, rule: "product" });
  });
});

describe("a reviewer's choice", () => {
  it("stays: the rules never replace an owner a reviewer gave", async () => {
    const lead = await bareProposal("Home Battery", "es");
    const bulk = await call(bulkRoute.POST, "/x", { method: "POST", cookie: adminA, body: { action: "assign", ownerId: world.reviewerA.userId, selection: { ids: [lead] } } });
    expect(bulk.status).toBe(200);
    expect(await assignNewLeadOwner(world.a.workspaceId, lead)).toBeNull();
    expect(await ownerOf(lead)).toBe(world.reviewerA.userId);
  });

  it("gives a removed member's leads back to nobody", async () => {
    const lead = await bareProposal(null, null);
    await call(bulkRoute.POST, "/x", { method: "POST", cookie: adminA, body: { action: "assign", ownerId: world.managerA.userId, selection: { ids: [lead] } } });
    expect(await ownerOf(lead)).toBe(world.managerA.userId);
    expect((await call(membersRoute.DELETE, "/x", { method: "DELETE", cookie: adminA, params: { id: world.managerA.membershipId } })).status).toBe(204);
    expect(await ownerOf(lead)).toBeNull();
  });
});
