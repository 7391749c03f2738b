// The follow-up bugs reviewers reported, against PostgreSQL and the real
// routes: prospects' time zones from their numbers, one follow-up per contact
// and moment after a merge, the list's filters and links, a cancel with its
// reason, 422s that name the field, and the viewer's own time zone.
import { beforeAll, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/dashboard/follow-ups/route";
import * as cancelRoute from "@/app/api/v1/follow-ups/[id]/cancel/route";
import * as rescheduleRoute from "@/app/api/v1/follow-ups/[id]/reschedule/route";
import * as meRoute from "@/app/api/v1/me/settings/route";
import { db } from "@/lib/db/client";
import { proposeFollowUp } from "@/lib/followups/propose-for-conversation";
import { SAME_MOMENT_REASON } from "@/lib/followups/schedule";
import type { FollowUpRowData } from "@/lib/followups/queries";
import { approveProposal, mergeProposal, type ReviewActor } from "@/lib/leads/review";
import { call } from "@/tests/support/http";
import { signInCookie, twoWorkspaces } from "@/tests/support/people";
import { uniqueId } from "@/tests/support/whatsapp";

let world: Awaited<ReturnType<typeof twoWorkspaces>>;
let workspaceId: string;
const ana: ReviewActor = { actorType: "user", actorId: null, actorLabel: "ana@alpha.test" };

beforeAll(async () => {
  world = await twoWorkspaces();
  workspaceId = world.a.workspaceId; // Brazil, America/Sao_Paulo
  await db().workspace.update({ where: { id: workspaceId }, data: { timezone: "America/Sao_Paulo" } });
});

/** A conversation of `waId` with the prospect's messages, a proposed lead, and its proposed follow-up. */
async function conversationWith(waId: string, texts: string[], sentAt: Date, lead: { name: string; email?: string; phone?: string } = { name: "Prospect" }) {
  const conversation = await db().conversation.create({ data: { workspaceId, source: "import", contactWaId: waId, firstMessageAt: sentAt, lastMessageAt: sentAt, lastUserMessageAt: sentAt } });
  for (const [index, text] of texts.entries()) {
    await db().message.create({ data: { workspaceId, conversationId: conversation.id, providerMessageId: uniqueId("wamid"), role: "user", body: text, sentAt: new Date(sentAt.getTime() + index * 1000) } });
  }
  const phone = lead.phone ?? `+${waId}`;
  const proposal = await db().leadProposal.create({
    data: { workspaceId, conversationId: conversation.id, status: "proposed", name: lead.name, email: lead.email ?? null, emailNormalized: lead.email?.toLowerCase() ?? null, phone, phoneE164: phone, qualifies: true, urgencyLevel: "medium" },
  });
  const followUp = await proposeFollowUp(workspaceId, conversation.id, new Date(sentAt.getTime() + 60_000));
  return { conversation, proposal, followUp };
}

describe("prospect time zones", () => {
  it.each([
    ["5215512345678", "America/Mexico_City"],
    ["447911123456", "Europe/London"],
    ["56912345678", "America/Santiago"],
    ["14155550199", "America/Los_Angeles"],
  ])("plans %s's follow-up in %s, not the workspace's São Paulo", async (waId, zone) => {
    const { followUp } = await conversationWith(waId, ["Please call me tomorrow at 10am"], new Date("2026-11-23T15:00:00Z"));
    expect(followUp).toMatchObject({ timezone: zone, channel: "call" });
    const row = await db().followUp.findUniqueOrThrow({ where: { id: followUp!.id } });
    expect(row.timezone).toBe(zone);
  });
});

describe("a merged contact", () => {
  it("gets one follow-up per moment: the returning conversation's same-time follow-up is cancelled with the reason", async () => {
    const asked = new Date("2026-11-23T13:00:00Z");
    const first = await conversationWith("5511987650001", ["Oi, quanto custa o kit? Me liga amanhã às 10"], asked, { name: "Rita Lopes", email: "rita@lopes.test" });
    const second = await conversationWith("5511987650001", ["Oi de novo! Me liga amanhã às 10, por favor"], new Date(asked.getTime() + 5 * 60_000), { name: "Rita Lopes", email: "rita@lopes.test" });
    expect(first.followUp!.dueAt).toEqual(second.followUp!.dueAt);

    const { contact } = await approveProposal({ workspaceId, proposalId: first.proposal.id, expectedVersion: 1, actor: ana });
    await mergeProposal({ workspaceId, proposalId: second.proposal.id, expectedVersion: 1, contactId: contact.id, choices: {}, actor: ana });
    const followUps = await db().followUp.findMany({ where: { contactId: contact.id }, orderBy: { createdAt: "asc" } });
    expect(followUps.map((row) => row.status)).toEqual(["scheduled", "cancelled"]);
    expect(followUps[1]!.cancelReason).toBe(SAME_MOMENT_REASON);
    expect(await db().outboxItem.count({ where: { kind: "follow_up_due", dedupeKey: { in: followUps.map((row) => row.id) } } })).toBe(1);
  });
});

describe("the Follow-ups list and its changes", () => {
  it("filters by status, owner and due day, links each row to its lead, cancels with a reason and names bad fields", async () => {
    const reviewer = await signInCookie("reviewer@alpha.test");
    const mine = await conversationWith("5511987650002", ["Me liga dia 10 de dezembro às 15h"], new Date("2026-11-23T12:00:00Z"), { name: "Caio Mendes" });
    const theirs = await conversationWith("5511987650003", ["Me liga dia 12 de dezembro às 15h"], new Date("2026-11-23T12:00:00Z"), { name: "Bia Castro" });
    await db().leadProposal.update({ where: { id: mine.proposal.id }, data: { ownerId: world.reviewerA.userId } });
    await db().leadProposal.update({ where: { id: theirs.proposal.id }, data: { ownerId: world.managerA.userId } });

    const list = async (query: string) => {
      const response = await call(listRoute.GET, `/api/dashboard/follow-ups?${query}`, { cookie: reviewer });
      expect(response.status).toBe(200);
      return ((await response.json()) as { rows: FollowUpRowData[] }).rows;
    };
    const ids = (rows: FollowUpRowData[]) => rows.map((row) => row.id);
    expect(ids(await list("owner=me"))).toEqual([mine.followUp!.id]);
    expect(ids(await list(`owner=${world.managerA.userId}`))).toEqual([theirs.followUp!.id]);
    expect(ids(await list("from=2026-12-10&to=2026-12-10"))).toEqual([mine.followUp!.id]);
    expect(ids(await list("from=2026-12-11&to=2026-12-31&status=proposed"))).toEqual([theirs.followUp!.id]);
    expect(await list("status=done&owner=me")).toEqual([]);
    const [row] = await list("owner=me");
    expect(row).toMatchObject({ leadId: mine.proposal.id, ownerEmail: "reviewer@alpha.test", contactName: "Caio Mendes", timezone: "America/Sao_Paulo" });

    const bad = await call(listRoute.GET, "/api/dashboard/follow-ups?status=late&from=10-12-2026", { cookie: reviewer });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors.map((error) => error.path).sort()).toEqual(["from", "status.0"]);

    const past = await call(rescheduleRoute.POST, "/x", { method: "POST", cookie: reviewer, params: { id: mine.followUp!.id }, body: { due_at: "2020-01-01T10:00:00Z" } });
    expect(past.status).toBe(422);
    expect(await past.json()).toMatchObject({ detail: '"due_at" is not valid: must not be in the past.', errors: [{ path: "due_at" }] });

    const cancelled = await call(cancelRoute.POST, "/x", { method: "POST", cookie: reviewer, params: { id: mine.followUp!.id }, body: { reason: "Already contacted" } });
    expect(cancelled.status).toBe(200);
    expect(await list("status=cancelled&owner=me")).toMatchObject([{ id: mine.followUp!.id, cancelReason: "Already contacted" }]);
  });

  it("reads due days in the viewer's own time zone, which each person sets for themselves", async () => {
    const reviewer = await signInCookie("reviewer@alpha.test");
    // 02:30 UTC on 15 Dec is still 14 Dec in São Paulo, already 15 Dec in Lisbon.
    const late = await conversationWith("5511987650004", ["Me liga dia 14 de dezembro às 23h30"], new Date("2026-11-23T12:00:00Z"), { name: "Duda Reis" });
    await db().followUp.update({ where: { id: late.followUp!.id }, data: { dueAt: new Date("2026-12-15T02:30:00Z") } });
    const onDay = async (day: string) => {
      const response = await call(listRoute.GET, `/api/dashboard/follow-ups?from=${day}&to=${day}`, { cookie: reviewer });
      return ((await response.json()) as { rows: FollowUpRowData[] }).rows.map((row) => row.id);
    };
    expect(await onDay("2026-12-14")).toContain(late.followUp!.id);

    const badZone = await call(meRoute.PATCH, "/api/v1/me/settings", { method: "PATCH", cookie: reviewer, body: { timezone: "Europe/Atlantis" } });
    expect(badZone.status).toBe(422);
    expect(await badZone.json()).toMatchObject({ errors: [{ path: "timezone" }] });
    expect((await call(meRoute.PATCH, "/api/v1/me/settings", { method: "PATCH", cookie: reviewer, body: { timezone: "Europe/Lisbon" } })).status).toBe(200);
    expect(await (await call(meRoute.GET, "/api/v1/me/settings", { cookie: reviewer })).json()).toEqual({ timezone: "Europe/Lisbon", locale: null });
    // The language is a setting of its own: choosing it keeps the zone, and only our languages are taken.
    const badLocale = await call(meRoute.PATCH, "/api/v1/me/settings", { method: "PATCH", cookie: reviewer, body: { locale: "fr" } });
    expect(await badLocale.json()).toMatchObject({ errors: [{ path: "locale" }] });
    expect((await call(meRoute.PATCH, "/api/v1/me/settings", { method: "PATCH", cookie: reviewer, body: { locale: "pt-BR" } })).status).toBe(200);
    expect(await (await call(meRoute.GET, "/api/v1/me/settings", { cookie: reviewer })).json()).toEqual({ timezone: "Europe/Lisbon", locale: "pt-BR" });
    expect(await onDay("2026-12-14")).not.toContain(late.followUp!.id);
    expect(await onDay("2026-12-15")).toContain(late.followUp!.id);
  });
});
