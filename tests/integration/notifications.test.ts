// Notifications against PostgreSQL, the real routes and a local Slack-like
// webhook: a high-urgency lead waiting past the workspace's limit, a failed
// CRM sync and a follow-up due today each raise one notification; the bell
// counts what arrived since it was opened; the workspace's outgoing webhook gets
// each one as Slack JSON, retried when it fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as inboxRoute from "@/app/api/v1/notifications/route";
import * as seenRoute from "@/app/api/v1/notifications/seen/route";
import { db } from "@/lib/db/client";
import { reloadEnv } from "@/lib/env";
import { raiseNotifications } from "@/lib/notifications/raise";
import { runJobs } from "@/lib/jobs/drain";
import { startFakeSlackWebhook, type FakeSlackWebhook } from "@/tests/fakes/slack-webhook-server";
import { call } from "@/tests/support/http";
import { signInCookie, twoWorkspaces } from "@/tests/support/people";
import { uniqueId } from "@/tests/support/whatsapp";

let world: Awaited<ReturnType<typeof twoWorkspaces>>;
let slack: FakeSlackWebhook;
const now = new Date();

async function lead(workspaceId: string, fields: { name: string; urgency: string; status?: string; syncStatus?: string; syncError?: string; minutesAgo: number }) {
  const at = new Date(now.getTime() - fields.minutesAgo * 60_000);
  const conversation = await db().conversation.create({ data: { workspaceId, source: "import", contactWaId: `55119${Math.floor(Math.random() * 1e8)}`, firstMessageAt: at, lastMessageAt: at } });
  return db().leadProposal.create({
    data: { workspaceId, conversationId: conversation.id, status: fields.status ?? "proposed", name: fields.name, urgencyLevel: fields.urgency, qualifies: true, createdAt: at, syncStatus: fields.syncStatus ?? "none", syncError: fields.syncError ?? null },
  });
}

beforeAll(async () => {
  process.env.APP_URL = "https://leads.example.test";
  reloadEnv();
  slack = await startFakeSlackWebhook();
  world = await twoWorkspaces();
  await db().workspace.update({ where: { id: world.a.workspaceId }, data: { hotLeadWaitMinutes: 15, timezone: "America/Sao_Paulo" } });
});

afterAll(async () => {
  delete process.env.APP_URL;
  reloadEnv();
  await slack.close();
});

describe("notifications", () => {
  it("raises one per condition, counts unread on the bell, and clears the count when opened", async () => {
    const a = world.a.workspaceId;
    const waiting = await lead(a, { name: "Jorge Ruiz", urgency: "high", minutesAgo: 20 });
    await lead(a, { name: "Just Arrived", urgency: "high", minutesAgo: 5 });
    await lead(a, { name: "Calm Carla", urgency: "low", minutesAgo: 90 });
    const failed = await lead(a, { name: "Ana Souza", urgency: "medium", status: "approved", syncStatus: "failed", syncError: "HubSpot answered 400: Property values were not valid", minutesAgo: 60 });
    const contact = await db().contact.create({ data: { workspaceId: a, name: "Meg Carter" } });
    // Due right now: today, whatever the hour.
    await db().followUp.create({ data: { workspaceId: a, conversationId: failed.conversationId, contactId: contact.id, dueAt: now, timezone: "America/New_York", channel: "call", reason: "Prospect asked to be called", status: "scheduled" } });
    await db().followUp.create({ data: { workspaceId: a, conversationId: failed.conversationId, dueAt: new Date(now.getTime() + 3 * 86_400_000), timezone: "America/New_York", channel: "call", reason: "Later", status: "scheduled" } });
    // Another workspace's hot lead is its own business.
    await lead(world.b.workspaceId, { name: "Otro Cliente", urgency: "high", minutesAgo: 60 });

    const reviewer = await signInCookie("reviewer@alpha.test");
    const inbox = async () => (await (await call(inboxRoute.GET, "/api/v1/notifications", { cookie: reviewer })).json()) as { unread: number; items: { kind: string; title: string; body: string; params: Record<string, unknown>; link: string; unread: boolean }[] };
    const first = await inbox();
    expect(first.unread).toBe(3);
    expect(first.items.map((item) => item.kind).sort()).toEqual(["follow_up_due_today", "hot_lead_waiting", "sync_failed"]);
    expect(first.items.find((item) => item.kind === "hot_lead_waiting")).toMatchObject({ title: "A hot lead is waiting: Jorge Ruiz", link: `/leads/${waiting.id}`, unread: true });
    expect(first.items.find((item) => item.kind === "sync_failed")).toMatchObject({ body: expect.stringContaining("Property values were not valid"), link: `/leads/${failed.id}` });
    expect(first.items.find((item) => item.kind === "follow_up_due_today")).toMatchObject({ title: "Follow-up due today: Meg Carter", body: expect.stringMatching(/^Call at \d\d:\d\d E[SD]T their time\. Prospect asked to be called$/) });
    // The values behind the English words, for the bell to word each kind in its reader's language.
    expect(first.items.find((item) => item.kind === "hot_lead_waiting")?.params).toMatchObject({ name: "Jorge Ruiz", since: expect.any(String) });
    expect(first.items.find((item) => item.kind === "sync_failed")?.params).toMatchObject({ error: expect.stringContaining("Property values were not valid") });
    expect(first.items.find((item) => item.kind === "follow_up_due_today")?.params).toMatchObject({ name: "Meg Carter", channel: "call", reason: "Prospect asked to be called" });

    // Asking again raises nothing new; opening the bell reads them all.
    expect((await inbox()).unread).toBe(first.unread);
    expect((await call(seenRoute.POST, "/x", { method: "POST", cookie: reviewer })).status).toBe(204);
    expect(await inbox()).toMatchObject({ unread: 0 });
    // The sync fails again after a retry (a new version): a new notification.
    await db().leadProposal.update({ where: { id: failed.id }, data: { version: { increment: 1 } } });
    const later = await inbox();
    expect(later.unread).toBe(1);
    expect(later.items[0]).toMatchObject({ kind: "sync_failed", unread: true });
    // Each person has their own count.
    const manager = await signInCookie("manager@alpha.test");
    expect(((await (await call(inboxRoute.GET, "/x", { cookie: manager })).json()) as { unread: number }).unread).toBe(first.unread + 1);
    const reviewerB = await signInCookie("reviewer@beta.test");
    expect(((await (await call(inboxRoute.GET, "/x", { cookie: reviewerB })).json()) as { items: { title: string }[] }).items.map((item) => item.title)).toEqual(["A hot lead is waiting: Otro Cliente"]);
    expect((await call(inboxRoute.GET, "/x", { key: world.a.apiKey.key })).status).toBe(403);
  });

  it("posts each new notification to the workspace's outgoing webhook as Slack JSON, retrying a failure", async () => {
    const b = world.b.workspaceId;
    await db().workspace.update({ where: { id: b }, data: { notificationWebhookUrl: slack.url, hotLeadWaitMinutes: 10 } });
    const hot = await lead(b, { name: "Lucía Martínez", urgency: "high", minutesAgo: 30 });
    slack.failNext({ status: 500 });

    expect(await raiseNotifications(b, now)).toBe(1); // Otro Cliente was raised before the webhook existed
    const item = await db().outboxItem.findFirstOrThrow({ where: { workspaceId: b, kind: "notification_webhook" } });
    const first = await runJobs({ mode: "once", worker: uniqueId("test-worker") });
    expect(first.byKind.notification_webhook).toEqual({ done: 0, retrying: 1, failed: 0 });
    expect(slack.received).toHaveLength(0);

    await db().outboxItem.update({ where: { id: item.id }, data: { availableAt: new Date() } });
    const second = await runJobs({ mode: "once", worker: uniqueId("test-worker") });
    expect(second.byKind.notification_webhook).toEqual({ done: 1, retrying: 0, failed: 0 });
    expect(slack.received).toHaveLength(1);
    expect(slack.received[0]!.text).toBe(`*A hot lead is waiting: Lucía Martínez*\nHigh urgency; waiting 30 min for review.\n<https://leads.example.test/leads/${hot.id}|Open in LeadBridge>`);
    expect(slack.received[0]!.blocks).toEqual([{ type: "section", text: { type: "mrkdwn", text: slack.received[0]!.text } }]);

    // Nothing new: nothing more is sent.
    await runJobs({ mode: "once", worker: uniqueId("test-worker") });
    expect(slack.received).toHaveLength(1);
  });
});
