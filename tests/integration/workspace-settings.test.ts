// Admins change a workspace's settings; managers read them; nobody else can.
// Bad values are refused with each field named, every change is audited, and
// the settings take effect: business hours move a proposed follow-up, the quiet
// period delays extraction, a routed number's webhooks are stored.
import { beforeAll, describe, expect, it } from "vitest";
import * as parkedRoute from "@/app/api/v1/parked-webhooks/route";
import * as routeParkedRoute from "@/app/api/v1/parked-webhooks/[id]/route/route";
import * as settingsRoute from "@/app/api/v1/workspace/settings/route";
import * as numberRoute from "@/app/api/v1/whatsapp-numbers/[id]/route";
import * as numbersRoute from "@/app/api/v1/whatsapp-numbers/route";
import { db } from "@/lib/db/client";
import { proposeFollowUp } from "@/lib/followups/propose-for-conversation";
import { call } from "@/tests/support/http";
import { signInCookie, twoWorkspaces } from "@/tests/support/people";
import { configureWebhook, deliver, messagesPayload, textMessage, uniqueId } from "@/tests/support/whatsapp";

let world: Awaited<ReturnType<typeof twoWorkspaces>>;
let admin: string;

beforeAll(async () => {
  configureWebhook();
  world = await twoWorkspaces();
  admin = await signInCookie("admin@alpha.test");
});

const patch = (body: unknown, cookie = admin) => call(settingsRoute.PATCH, "/api/v1/workspace/settings", { method: "PATCH", cookie, body });
/** A delivery as Meta sends it, then stored from the inbox as the background worker would. */
const postDelivery = async (payload: unknown) => (await deliver(payload)).response;

describe("workspace settings", () => {
  it("lets an admin change every setting, audited with what changed, and leaves the other workspace alone", async () => {
    const response = await patch({
      name: "Alpha Solar Ltda",
      defaultCountry: "mx",
      timezone: "America/Mexico_City",
      businessHours: { days: [6, 1, 2, 3, 4, 5], opensAt: "08:30", closesAt: "17:00" },
      conversationIdleHours: 12,
      extractionQuietSeconds: 30,
      languages: ["es", "EN"],
      notificationWebhookUrl: "https://hooks.example.test/services/T1/B2/x",
      hotLeadWaitMinutes: 5,
      products: ["Solar Panel Kit", "Home Battery"],
      intentBands: { high: 0.8, medium: 0.5 },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      name: "Alpha Solar Ltda",
      defaultCountry: "MX",
      businessHours: { days: [1, 2, 3, 4, 5, 6], opensAt: "08:30", closesAt: "17:00" },
      languages: ["es", "en"],
    });
    expect(await db().workspace.findUniqueOrThrow({ where: { id: world.a.workspaceId } })).toMatchObject({
      timezone: "America/Mexico_City",
      businessDays: [1, 2, 3, 4, 5, 6],
      businessOpensAt: 510,
      businessClosesAt: 1020,
      conversationIdleHours: 12,
      extractionQuietSeconds: 30,
      hotLeadWaitMinutes: 5,
      intentBands: { high: 0.8, medium: 0.5 },
    });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { workspaceId: world.a.workspaceId, action: "workspace.settings_changed" }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({ actorLabel: "admin@alpha.test", before: { name: "Alpha Solar", extractionQuietSeconds: 120 }, after: { name: "Alpha Solar Ltda", extractionQuietSeconds: 30 } });
    expect(Object.keys(audit.after as object)).not.toContain("slug");
    expect(await db().workspace.findUniqueOrThrow({ where: { id: world.b.workspaceId } })).toMatchObject({ name: "Beta Cars", products: [], extractionQuietSeconds: 120 });
  });

  it("refuses bad values, naming each field in the problem and its detail", async () => {
    const response = await patch({
      timezone: "Mars/Olympus",
      defaultCountry: "XX",
      businessHours: { days: [1, 8], opensAt: "18:00", closesAt: "09:00" },
      conversationIdleHours: 0,
      extractionQuietSeconds: -1,
      languages: ["portuguese"],
      notificationWebhookUrl: "ftp://example.test",
    });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { detail: string; errors: { path: string }[] };
    expect(problem.errors.map((error) => error.path).sort()).toEqual(
      ["businessHours.closesAt", "businessHours.days.1", "conversationIdleHours", "defaultCountry", "extractionQuietSeconds", "languages.0", "notificationWebhookUrl", "timezone"].sort(),
    );
    expect(problem.detail).toContain('"timezone" is not valid: must be an IANA time zone');
    expect(problem.detail).toContain('"businessHours.closesAt" is not valid: must be after the opening time.');
    expect((await patch({ businessHours: { days: [], opensAt: "09:00", closesAt: "18:00" } })).status).toBe(422);
    // The CRM is Settings -> CRM (its own account per workspace), not a setting here.
    expect((await patch({ crmProvider: "hubspot" })).status).toBe(422);
    expect((await patch({ intentBands: { high: 0.3, medium: 0.6 } })).status).toBe(422);
    expect((await patch({ slug: "mine" })).status).toBe(422);
  });

  it("is read by managers and changed by admins only", async () => {
    const manager = await signInCookie("manager@alpha.test");
    const reviewer = await signInCookie("reviewer@alpha.test");
    const read = await call(settingsRoute.GET, "/api/v1/workspace/settings", { cookie: manager });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ name: expect.any(String), businessHours: { days: expect.any(Array) } });
    expect((await call(settingsRoute.GET, "/x", { cookie: reviewer })).status).toBe(403);
    expect((await patch({ timezone: "UTC" }, manager)).status).toBe(403);
    expect((await call(settingsRoute.PATCH, "/x", { method: "PATCH", key: world.a.apiKey.key, body: { timezone: "UTC" } })).status).toBe(403);
  });
});

describe("settings take effect", () => {
  it("moves a proposed follow-up when the business hours change", async () => {
    const workspaceId = world.b.workspaceId; // Mexico
    const waId = "5215512345678";
    const saidAt = new Date("2026-11-27T17:00:00Z"); // Friday 11:00 in Mexico City
    const conversation = await db().conversation.create({
      data: { workspaceId, source: "import", contactWaId: waId, firstMessageAt: saidAt, lastMessageAt: saidAt, lastUserMessageAt: saidAt },
    });
    await db().message.create({ data: { workspaceId, conversationId: conversation.id, providerMessageId: uniqueId("wamid"), role: "user", body: "Llámenme el sábado a las 10, por favor", sentAt: saidAt } });
    const first = await proposeFollowUp(workspaceId, conversation.id, new Date(saidAt.getTime() + 60_000));
    // Saturday is closed by default: moved to Monday 09:00, Mexico City.
    expect(first).toMatchObject({ timezone: "America/Mexico_City" });
    expect(first!.dueAt.toISOString()).toBe("2026-11-30T15:00:00.000Z");

    const adminB = await signInCookie("admin@beta.test");
    const response = await patch({ businessHours: { days: [1, 2, 3, 4, 5, 6], opensAt: "09:00", closesAt: "18:00" } }, adminB);
    expect(response.status).toBe(200);
    const moved = await db().followUp.findFirstOrThrow({ where: { conversationId: conversation.id, status: "proposed" } });
    expect(moved.dueAt.toISOString()).toBe("2026-11-28T16:00:00.000Z"); // Saturday 10:00, as asked
    expect(moved.createdAt.toISOString()).toBe(new Date(saidAt.getTime() + 60_000).toISOString());

    // Opening later moves it again: Saturday from 11:00.
    await patch({ businessHours: { days: [6], opensAt: "11:00", closesAt: "15:00" } }, adminB);
    expect((await db().followUp.findFirstOrThrow({ where: { conversationId: conversation.id, status: "proposed" } })).dueAt.toISOString()).toBe("2026-11-28T17:00:00.000Z");
  });

  it("delays extraction by the workspace's own quiet period", async () => {
    const adminB = await signInCookie("admin@beta.test");
    await patch({ extractionQuietSeconds: 600 }, adminB);
    const waId = "5215598765432";
    const before = Date.now();
    const response = await postDelivery(messagesPayload("200000000000002", waId, [textMessage(waId, "Hola, quiero una batería", new Date())]));
    expect(response.status).toBe(200);
    const conversation = await db().conversation.findFirstOrThrow({ where: { workspaceId: world.b.workspaceId, contactWaId: waId } });
    const item = await db().outboxItem.findFirstOrThrow({ where: { kind: "extract_lead", dedupeKey: conversation.id } });
    expect(item.availableAt.getTime()).toBeGreaterThanOrEqual(before + 600_000);
    expect(item.availableAt.getTime()).toBeLessThan(Date.now() + 601_000);
  });
});

describe("WhatsApp numbers", () => {
  it("adds a number whose webhooks are then stored, ingesting what was parked for it, and removes it", async () => {
    const phoneNumberId = "300000000000077";
    const waId = "447911123456";
    // Before anyone owns the number, deliveries are parked.
    expect((await postDelivery(messagesPayload(phoneNumberId, waId, [textMessage(waId, "Hello, do you install in Leeds?", new Date(Date.now() - 60_000))]))).status).toBe(200);
    const parked = await call(parkedRoute.GET, "/api/v1/parked-webhooks", { cookie: admin });
    expect(await parked.json()).toMatchObject({ numbers: expect.arrayContaining([expect.objectContaining({ phoneNumberId, deliveries: 1, displayPhoneNumber: "15550001111" })]) });

    const added = await call(numbersRoute.POST, "/api/v1/whatsapp-numbers", { method: "POST", cookie: admin, body: { phoneNumberId, displayPhoneNumber: "+44 113 496 0000" } });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ number: { phoneNumberId, displayPhoneNumber: "+44 113 496 0000" }, parkedRouted: 1, messagesStored: 1 });
    expect((await postDelivery(messagesPayload(phoneNumberId, waId, [textMessage(waId, "I'm Tom, tom@leeds.test", new Date())]))).status).toBe(200);
    const conversation = await db().conversation.findFirstOrThrow({ where: { workspaceId: world.a.workspaceId, contactWaId: waId }, include: { messages: true } });
    expect(conversation.messages.map((message) => message.body).sort()).toEqual(["Hello, do you install in Leeds?", "I'm Tom, tom@leeds.test"]);
    expect(await db().auditEvent.count({ where: { workspaceId: world.a.workspaceId, action: { in: ["whatsapp_number.added", "parked_webhook.routed"] } } })).toBe(2);

    // Another workspace cannot take it; bad ids name the field.
    const adminB = await signInCookie("admin@beta.test");
    expect((await call(numbersRoute.POST, "/x", { method: "POST", cookie: adminB, body: { phoneNumberId } })).status).toBe(409);
    const bad = await call(numbersRoute.POST, "/x", { method: "POST", cookie: admin, body: { phoneNumberId: "abc" } });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ errors: [{ path: "phoneNumberId" }] });

    // Removing it (another workspace's id is 404): the next delivery is parked again.
    const { id } = await db().whatsAppNumber.findUniqueOrThrow({ where: { phoneNumberId } });
    expect((await call(numberRoute.DELETE, "/x", { method: "DELETE", cookie: adminB, params: { id } })).status).toBe(404);
    expect((await call(numberRoute.DELETE, "/x", { method: "DELETE", cookie: admin, params: { id } })).status).toBe(204);
    await postDelivery(messagesPayload(phoneNumberId, waId, [textMessage(waId, "Hello?", new Date())]));
    expect(await db().parkedWebhook.count({ where: { phoneNumberId, routedAt: null } })).toBe(1);
    expect(await db().auditEvent.count({ where: { workspaceId: world.a.workspaceId, action: "whatsapp_number.removed" } })).toBe(1);
  });

  it("routes a parked number to this workspace from the parked list", async () => {
    const phoneNumberId = "300000000000088";
    const waId = "56912345678";
    await postDelivery(messagesPayload(phoneNumberId, waId, [textMessage(waId, "Hola, ¿venden paneles en Santiago?", new Date())]));
    const listed = (await (await call(parkedRoute.GET, "/x", { cookie: admin })).json()) as { numbers: { phoneNumberId: string; parkedId: string }[] };
    const entry = listed.numbers.find((number) => number.phoneNumberId === phoneNumberId)!;
    const manager = await signInCookie("manager@alpha.test");
    expect((await call(routeParkedRoute.POST, "/x", { method: "POST", cookie: manager, params: { id: entry.parkedId } })).status).toBe(403);
    const routed = await call(routeParkedRoute.POST, "/x", { method: "POST", cookie: admin, params: { id: entry.parkedId } });
    expect(routed.status).toBe(200);
    expect(await routed.json()).toMatchObject({ phoneNumberId, numberRegistered: true, parkedRouted: 1, messagesStored: 1 });
    const numbers = (await (await call(numbersRoute.GET, "/x", { cookie: manager })).json()) as { numbers: { phoneNumberId: string }[] };
    expect(numbers.numbers.map((number) => number.phoneNumberId)).toContain(phoneNumberId);
    expect((await call(routeParkedRoute.POST, "/x", { method: "POST", cookie: admin, params: { id: entry.parkedId } })).status).toBe(409);
  });
});
