// A person's data, end to end: their conversations arrive by webhook (from both
// forms of a Brazilian mobile), the lead is approved and synced to HubSpot (a
// local fake); privacy:export gives them everything, privacy:erase (command
// line and admin action) deletes it here and the contact in HubSpot, records
// that it happened without their data, and leaves other people and other
// workspaces alone. Raw webhook payloads are purged after the retention period.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import * as eraseRoute from "@/app/api/v1/privacy/erase/route";
import * as exportRoute from "@/app/api/v1/privacy/export/route";
import { hashPassword } from "@/lib/auth/passwords";
import { createUser } from "@/lib/auth/users";
import { connectCrm } from "@/lib/crm/connections";
import { db } from "@/lib/db/client";
import { reloadEnv } from "@/lib/env";
import { drainDueWork } from "@/lib/jobs/drain";
import { runDuePeriodicWork } from "@/lib/jobs/periodic";
import { erasePerson } from "@/lib/privacy/erase";
import { exportPerson } from "@/lib/privacy/export";
import { createWorkspace } from "@/lib/workspaces/create";
import { FakeHubSpot } from "../fakes/hubspot-server";
import { connectHubSpot, TEST_ACTOR } from "../support/crm";
import { withFakeHubSpot } from "../support/hubspot";
import { call } from "../support/http";
import { approveAndSync, deliverAndExtract, drainUntilSettled, type Clock } from "../support/lead-flow";
import { PASSWORD, signInCookie } from "../support/people";
import { configureWebhook } from "../support/whatsapp";

const run = promisify(execFile);
const hubspot = new FakeHubSpot();
const clock: Clock = { now: Date.now() };

const MARIANA = { email: "mariana.lopes@example.com", phoneTyped: "+55 (11) 98888-7777", e164: "+5511988887777" };
const marianaSays = ["Olá! Sou a Mariana Lopes, da Lopes Energia.", `Quero instalar painéis solares em casa. Meu email é ${MARIANA.email} e meu celular 11 98888-7777.`, "Pode me ligar amanhã às 10h?"];

type Shop = { id: string; slug: string; phoneNumberId: string; defaultCountry: string; name: string; admin: string; reviewer: string };
let solar: Shop;
let other: Shop;

async function shop(name: string, phoneNumberId: string, crm: "hubspot" | "internal"): Promise<Shop> {
  const adminEmail = `admin@${phoneNumberId}.test`;
  const created = await createWorkspace({ name, whatsappPhoneNumberId: phoneNumberId, defaultCountry: "BR", admin: { email: adminEmail, password: PASSWORD } });
  if (crm === "hubspot") await connectHubSpot(created.workspaceId, hubspot.accessToken);
  const reviewer = await createUser({ email: `reviewer@${phoneNumberId}.test`, passwordHash: await hashPassword(PASSWORD) });
  await db().membership.create({ data: { workspaceId: created.workspaceId, userId: reviewer.id, role: "reviewer" } });
  return { id: created.workspaceId, slug: created.slug, phoneNumberId, defaultCountry: "BR", name, admin: await signInCookie(adminEmail), reviewer: await signInCookie(reviewer.email) };
}

/** Mariana writes to a shop from her old-form and new-form number, and her lead is approved and synced. */
async function marianaIn(target: Shop): Promise<string[]> {
  const first = await deliverAndExtract(clock, target, { waId: "551188887777", profileName: "Mariana", messages: marianaSays, sentAt: new Date(Date.now() - 3 * 86_400_000) });
  await approveAndSync(clock, target.id, first, target.admin);
  const second = await deliverAndExtract(clock, target, { waId: "5511988887777", profileName: "Mariana", messages: ["Oi de novo, ainda tenho interesse."] });
  return [first, second];
}

let solarConversations: string[];
let bystander: string;

withFakeHubSpot(hubspot);

beforeAll(async () => {
  configureWebhook();
  solar = await shop("Lopes Solar", "710000000000001", "hubspot");
  other = await shop("Outra Loja", "710000000000002", "internal");
  solarConversations = await marianaIn(solar);
  await marianaIn(other);
  bystander = await deliverAndExtract(clock, solar, { waId: "5521977776666", profileName: "Bruno", messages: ["Oi, sou o Bruno Dias, bruno@example.com, quero um orçamento de bateria."] });
  // Mariana asked not to be messaged; a delivery about her was parked for the shop.
  await db().optOut.create({ data: { workspaceId: solar.id, waId: "5511988887777" } });
  await db().parkedWebhook.create({ data: { phoneNumberId: solar.phoneNumberId, reason: "bad_message: test", payload: { workspaceId: solar.id, message: { from: "5511988887777", type: "text" } } } });
}, 300_000);

describe("privacy:export", () => {
  it("gives everything the shop holds about her, found by her phone in any form, and nothing of others", async () => {
    expect(hubspot.contactsWith("email", MARIANA.email)).toHaveLength(1);
    const data = await exportPerson(solar, { phone: MARIANA.phoneTyped }, { actorType: "system", actorLabel: "test" });
    expect(data.identifiedBy).toEqual({ phone: MARIANA.e164, whatsAppIds: ["5511988887777", "551188887777"] });
    expect(data.conversations.map((c) => c.id).sort()).toEqual([...solarConversations].sort());
    expect(data.conversations.flatMap((c) => c.messages.map((m) => m.body))).toEqual(expect.arrayContaining(marianaSays));
    expect(data.leadProposals.some((lead) => lead.email === MARIANA.email)).toBe(true);
    expect(data.contacts.map((contact) => contact.email)).toEqual([MARIANA.email]);
    expect(data.conversations.some((c) => c.crmLinks.some((link) => link.crmSystem === "hubspot"))).toBe(true);
    expect(data.optOuts).toHaveLength(1);
    expect(JSON.stringify(data)).not.toContain("Bruno");
    expect(JSON.stringify(data)).not.toContain(other.id);
    const byEmail = await exportPerson(solar, { email: "Mariana.Lopes@Example.com" }, { actorType: "system", actorLabel: "test" });
    expect(byEmail.conversations.map((c) => c.id).sort()).toEqual([...solarConversations].sort());
    const audit = await db().auditEvent.findFirstOrThrow({ where: { workspaceId: solar.id, action: "privacy.exported" } });
    expect(JSON.stringify(audit)).not.toMatch(/mariana|88887777/i);
  });

  it("is a command an operator runs, printing JSON", { timeout: 120_000 }, async () => {
    const { stdout } = await run("node_modules/.bin/tsx", ["scripts/privacy-export.ts", "--workspace", solar.slug, "--email", MARIANA.email], { env: process.env });
    const printed = JSON.parse(stdout) as { conversations: { id: string }[] };
    expect(printed.conversations.map((c) => c.id).sort()).toEqual([...solarConversations].sort());
  });

  it("is an admin action; reviewers and API keys are refused", async () => {
    const asAdmin = await call(exportRoute.POST, "/api/v1/privacy/export", { method: "POST", cookie: solar.admin, body: { phone: "11 98888-7777" } });
    expect(asAdmin.status).toBe(200);
    expect(((await asAdmin.json()) as { conversations: unknown[] }).conversations).toHaveLength(2);
    expect((await call(exportRoute.POST, "/x", { method: "POST", cookie: solar.reviewer, body: { phone: "11 98888-7777" } })).status).toBe(403);
    const both = await call(exportRoute.POST, "/x", { method: "POST", cookie: solar.admin, body: { phone: "11 98888-7777", email: MARIANA.email } });
    expect(both.status).toBe(422);
  });
});

describe("privacy:erase", () => {
  it("deletes her data here and her HubSpot contact (after HubSpot failed once), records it without her data, keeps everyone else", { timeout: 120_000 }, async () => {
    const proposalIds = (await db().leadProposal.findMany({ where: { conversationId: { in: solarConversations } }, select: { id: true } })).map((p) => p.id);
    expect(await db().funnelOutcome.count({ where: { conversationId: { in: solarConversations } } })).toBe(2);
    expect(await db().auditEvent.count({ where: { targetId: { in: proposalIds } } })).toBeGreaterThan(0);
    // The bell told the shop her lead was waiting, by name.
    await db().notification.create({ data: { workspaceId: solar.id, kind: "hot_lead_waiting", dedupeKey: `hot_lead_waiting:${proposalIds[0]}`, title: "Mariana Lopes is waiting", body: "High urgency", link: `/leads/${proposalIds[0]}` } });
    hubspot.failNext(1);
    const summary = await erasePerson(solar, { phone: MARIANA.phoneTyped }, { actorType: "system", actorLabel: "test" });
    expect(summary.erased).toMatchObject({ conversations: 2, contacts: 1, optOuts: 1, parkedPayloads: 1, notifications: 1 });
    expect(await db().notification.count({ where: { workspaceId: solar.id } })).toBe(0);
    expect(summary.erased.messages).toBe(marianaSays.length + 1);
    expect(summary.crmDeletionsQueued).toHaveLength(1);

    // Nothing of hers is left in the shop: messages, leads, contacts, follow-ups, the audit rows that copied her lead.
    expect(await db().conversation.count({ where: { id: { in: solarConversations } } })).toBe(0);
    expect(await db().message.count({ where: { workspaceId: solar.id, body: { contains: "Mariana" } } })).toBe(0);
    expect(await db().leadProposal.count({ where: { workspaceId: solar.id, OR: [{ emailNormalized: MARIANA.email }, { phoneE164: MARIANA.e164 }] } })).toBe(0);
    expect(await db().contact.count({ where: { workspaceId: solar.id, emailNormalized: MARIANA.email } })).toBe(0);
    expect(await db().followUp.count({ where: { conversationId: { in: solarConversations } } })).toBe(0);
    expect(await db().funnelOutcome.count({ where: { conversationId: { in: solarConversations } } })).toBe(0);
    expect(await db().auditEvent.count({ where: { targetId: { in: proposalIds } } })).toBe(0);
    expect(await db().optOut.count({ where: { workspaceId: solar.id } })).toBe(0);

    // HubSpot failed the first time: the deletion is retried until HubSpot confirms.
    await drainDueWork({ worker: "erase-1", now: () => new Date(clock.now) });
    expect(hubspot.contactsWith("email", MARIANA.email)).toHaveLength(1);
    clock.now += 60 * 60_000;
    await drainUntilSettled(clock, solar.id);
    expect(hubspot.contactsWith("email", MARIANA.email)).toHaveLength(0);
    expect(hubspot.requests.some((r) => r.path === "/crm/v3/objects/contacts/gdpr-delete" && r.status === 204)).toBe(true);

    const records = await db().auditEvent.findMany({ where: { workspaceId: solar.id, action: { in: ["privacy.erased", "privacy.crm_contact_deleted"] } }, select: { action: true, after: true } });
    expect(records.map((r) => r.action).sort()).toEqual(["privacy.crm_contact_deleted", "privacy.erased"]);
    expect(records.find((r) => r.action === "privacy.erased")!.after).toMatchObject({ identifiedBy: "phone", conversations: 2, crmDeletionsQueued: 1 });
    expect(JSON.stringify(records)).not.toMatch(/mariana|88887777|lopes/i);

    // Bruno, and Mariana in the other shop, are untouched.
    expect(await db().conversation.count({ where: { id: bystander } })).toBe(1);
    expect(await db().contact.count({ where: { workspaceId: other.id, emailNormalized: MARIANA.email } })).toBe(1);
    expect(await db().conversation.count({ where: { workspaceId: other.id } })).toBe(2);
  });

  it("cannot reach a HubSpot account the shop has left: erased here, and the deletion fails saying where to do it", { timeout: 120_000 }, async () => {
    const left = await shop("Loja Antiga", "710000000000003", "hubspot");
    const conversation = await deliverAndExtract(clock, left, { waId: "5541966664444", profileName: "Rita", messages: ["Oi, sou a Rita Alves, rita.alves@example.com, quero um orçamento de painéis."] });
    await approveAndSync(clock, left.id, conversation, left.admin);
    expect(hubspot.contactsWith("email", "rita.alves@example.com")).toHaveLength(1);
    await connectCrm(left.id, { provider: "internal" }, TEST_ACTOR);

    const summary = await erasePerson(left, { email: "rita.alves@example.com" }, { actorType: "system", actorLabel: "test" });
    expect(summary.erased).toMatchObject({ conversations: 1, contacts: 1 });
    expect(summary.crmDeletionsQueued).toHaveLength(1);
    await drainUntilSettled(clock, left.id);
    const item = await db().outboxItem.findUniqueOrThrow({ where: { id: summary.crmDeletionsQueued[0]! } });
    expect(item.status).toBe("failed");
    expect(item.lastError).toMatch(/no longer connected to: delete it there by hand/);
    expect(hubspot.contactsWith("email", "rita.alves@example.com")).toHaveLength(1);
    expect(await db().conversation.count({ where: { workspaceId: left.id } })).toBe(0);
  });

  it("is a command an operator runs (by email, in a shop on the internal CRM)", { timeout: 120_000 }, async () => {
    const { stdout } = await run("node_modules/.bin/tsx", ["scripts/privacy-erase.ts", "--workspace", other.slug, "--email", MARIANA.email], { env: process.env });
    const summary = JSON.parse(stdout) as { erased: Record<string, number>; crmDeletionsQueued: string[] };
    expect(summary.erased).toMatchObject({ conversations: 2, contacts: 1 });
    expect(summary.crmDeletionsQueued).toEqual([]);
    expect(await db().conversation.count({ where: { workspaceId: other.id } })).toBe(0);
    expect(await db().contact.count({ where: { workspaceId: other.id } })).toBe(0);
    expect(await db().crmLead.count({ where: { workspaceId: other.id } })).toBe(0);
  });

  it("is an admin action, refused to reviewers; erasing nobody erases nothing", async () => {
    expect((await call(eraseRoute.POST, "/x", { method: "POST", cookie: solar.reviewer, body: { email: "bruno@example.com" } })).status).toBe(403);
    expect(await db().conversation.count({ where: { id: bystander } })).toBe(1);
    const nobody = await call(eraseRoute.POST, "/x", { method: "POST", cookie: solar.admin, body: { email: "nobody@example.com" } });
    expect(nobody.status).toBe(200);
    expect(((await nobody.json()) as { erased: { conversations: number } }).erased.conversations).toBe(0);
    const bruno = await call(eraseRoute.POST, "/x", { method: "POST", cookie: solar.admin, body: { email: "bruno@example.com" } });
    expect(bruno.status).toBe(200);
    expect(await db().conversation.count({ where: { id: bystander } })).toBe(0);
  });
});

describe("webhook payload retention", () => {
  it("deletes parked payloads and raw message objects older than the period as periodic work, and keeps newer ones", { timeout: 60_000 }, async () => {
    const old = new Date(Date.now() - 31 * 86_400_000);
    const conversation = await deliverAndExtract(clock, solar, { waId: "5531966665555", profileName: "Carla", messages: ["Oi", "Quero saber o preço"] });
    const [oldMessage] = await db().message.findMany({ where: { conversationId: conversation }, orderBy: { sentAt: "asc" }, take: 1 });
    await db().message.update({ where: { id: oldMessage!.id }, data: { receivedAt: old } });
    const oldParked = await db().parkedWebhook.create({ data: { phoneNumberId: "999", reason: "unknown_phone_number_id: test", payload: { old: true }, receivedAt: old } });
    const newParked = await db().parkedWebhook.create({ data: { phoneNumberId: "999", reason: "unknown_phone_number_id: test", payload: { old: false } } });

    const oldFailed = await db().webhookDelivery.create({ data: { body: '{"from":"5531966665555"}', status: "failed", failedAt: old, receivedAt: old } });
    const newFailed = await db().webhookDelivery.create({ data: { body: '{"from":"5531966665555"}', status: "failed", failedAt: new Date() } });

    const results = await runDuePeriodicWork(new Date(), { force: true });
    expect(results["purge-webhook-payloads"]).toMatchObject({ parked: 1, failedDeliveries: 1, rawMessages: 1 });
    expect(await db().webhookDelivery.count({ where: { id: { in: [oldFailed.id, newFailed.id] } } })).toBe(1);
    expect(await db().parkedWebhook.count({ where: { id: oldParked.id } })).toBe(0);
    expect(await db().parkedWebhook.count({ where: { id: newParked.id } })).toBe(1);
    const messages = await db().message.findMany({ where: { conversationId: conversation }, orderBy: { sentAt: "asc" } });
    expect(messages[0]!.raw).toBeNull();
    expect(messages[0]!.body).toBe("Oi");
    expect(messages[1]!.raw).not.toBeNull();

    // A shorter period reaches the newer ones too.
    process.env.WEBHOOK_PAYLOAD_RETENTION_DAYS = "1";
    reloadEnv();
    try {
      await runDuePeriodicWork(new Date(Date.now() + 2 * 86_400_000), { force: true });
      expect(await db().parkedWebhook.count({ where: { id: newParked.id } })).toBe(0);
      expect((await db().message.findUniqueOrThrow({ where: { id: messages[1]!.id } })).raw).toBeNull();
    } finally {
      delete process.env.WEBHOOK_PAYLOAD_RETENTION_DAYS;
      reloadEnv();
    }
  });
});
