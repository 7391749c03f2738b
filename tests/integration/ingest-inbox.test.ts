// The webhook inbox against PostgreSQL: the webhook only appends (and asks once
// for processing); the process_inbox job stores deliveries in batches, in
// order, with the conversations' counters right whatever the arrival order or
// redeliveries; a delivery that cannot be stored stays failed with its error
// while the rest of its batch is stored, and a replay stores it; the
// continuous runner is woken by a new delivery instead of waiting for its poll.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { db } from "@/lib/db/client";
import { INBOX_JOB_KIND, listFailedDeliveries, replayDeliveries } from "@/lib/ingest/inbox";
import { processInbox } from "@/lib/ingest/inbox-processor";
import { drainDueWork, runJobs } from "@/lib/jobs/drain";
import { processInboxJob } from "@/lib/jobs/process-inbox";
import { configureWebhook, deliver, messagesPayload, noParams, signedRequest, textMessage, workspaceWithNumber } from "../support/whatsapp";

const MINUTE = 60_000;
/** Posts without storing: what Meta's delivery does on its own. */
const acknowledge = (payload: unknown) => POST(signedRequest(JSON.stringify(payload)), noParams);
const pendingWakeUps = () => db().outboxItem.count({ where: { kind: INBOX_JOB_KIND, status: "pending" } });

beforeAll(() => configureWebhook());
afterEach(async () => {
  // Each test starts with an empty inbox and no processing request.
  await processInbox();
  await db().webhookDelivery.deleteMany({});
  await db().outboxItem.deleteMany({ where: { kind: INBOX_JOB_KIND } });
});

describe("acknowledging", () => {
  it("keeps each delivery in the inbox, asks once for processing, and the job stores them", async () => {
    const { workspace, phoneNumberId } = await workspaceWithNumber();
    const at = new Date(Date.now() - MINUTE);
    for (const [index, waId] of ["5511910000001", "5511910000002", "5511910000003"].entries()) {
      const response = await acknowledge(messagesPayload(phoneNumberId, waId, [textMessage(waId, `oi ${index}`, at)]));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ received: true });
    }
    expect(await db().webhookDelivery.count({ where: { status: "pending" } })).toBe(3);
    expect(await db().message.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await pendingWakeUps()).toBe(1);

    expect(await drainDueWork({ worker: "inbox-test", definitions: [processInboxJob] })).toMatchObject({ claimed: 1, done: 1, failed: 0 });
    expect(await db().message.count({ where: { workspaceId: workspace.id } })).toBe(3);
    expect(await db().conversation.count({ where: { workspaceId: workspace.id } })).toBe(3);
    expect(await db().webhookDelivery.count()).toBe(0);
    expect(await pendingWakeUps()).toBe(0);
  });
});

describe("processing", () => {
  it("stores concurrent, shuffled and repeated deliveries in batches: each message once, counters and order right", async () => {
    const { workspace, phoneNumberId } = await workspaceWithNumber();
    const start = Date.now() - 30 * MINUTE;
    const contacts = ["5511920000001", "5511920000002", "5511920000003", "5511920000004"];
    const payloads = contacts.flatMap((waId, contact) =>
      Array.from({ length: 10 }, (_, index) => messagesPayload(phoneNumberId, waId, [textMessage(waId, `#${index}`, new Date(start + index * MINUTE), `wamid.batch.${contact}.${index}`)], `Contact ${contact}`)),
    );
    // Arrival order is not message order, and Meta repeats some deliveries.
    const shuffled = payloads.map((payload, index) => ({ payload, key: (index * 7919) % payloads.length })).sort((a, b) => a.key - b.key).map(({ payload }) => payload);
    const responses = await Promise.all([...shuffled, ...shuffled.slice(0, 6)].map(acknowledge));
    expect(responses.every((response) => response.status === 200)).toBe(true);

    const run = await processInbox({ batchSize: 7 });
    expect(run).toMatchObject({ deliveries: 46, stored: 40, duplicates: 6, failed: 0, leftBehind: false });
    expect(run.batches).toBe(7);

    const conversations = await db().conversation.findMany({
      where: { workspaceId: workspace.id },
      include: { messages: { orderBy: { sentAt: "asc" } } },
      orderBy: { contactWaId: "asc" },
    });
    expect(conversations.map((c) => c.contactWaId)).toEqual(contacts);
    for (const conversation of conversations) {
      expect(conversation.messages.map((m) => m.body)).toEqual(Array.from({ length: 10 }, (_, index) => `#${index}`));
      expect(conversation).toMatchObject({
        messageCount: 10,
        firstMessageAt: conversation.messages[0]!.sentAt,
        lastMessageAt: conversation.messages[9]!.sentAt,
        lastUserMessageAt: conversation.messages[9]!.sentAt,
      });
    }
    // One extraction request per conversation, pushed back by the quiet period.
    expect(await db().outboxItem.count({ where: { workspaceId: workspace.id, kind: "extract_lead", status: "pending" } })).toBe(4);
  });

  it("hands over when its time is up and asks for the next run", async () => {
    const { workspace, phoneNumberId } = await workspaceWithNumber();
    for (let index = 0; index < 10; index++) {
      const waId = `55119300000${String(index).padStart(2, "0")}`;
      await acknowledge(messagesPayload(phoneNumberId, waId, [textMessage(waId, "oi", new Date())]));
    }
    await db().outboxItem.updateMany({ where: { kind: INBOX_JOB_KIND, status: "pending" }, data: { status: "claimed", claimedBy: "this-run" } });
    expect(await processInbox({ budgetMs: 0, batchSize: 4 })).toMatchObject({ batches: 1, deliveries: 4, leftBehind: true });
    expect(await pendingWakeUps()).toBe(1);
    expect(await processInbox({ batchSize: 4 })).toMatchObject({ deliveries: 6, leftBehind: false });
    expect(await db().message.count({ where: { workspaceId: workspace.id } })).toBe(10);
  });

  it("cancels the follow-ups a prospect's new message answers, in the storing transaction", async () => {
    const { workspace, phoneNumberId } = await workspaceWithNumber();
    const waId = "5511940000001";
    await deliver(messagesPayload(phoneNumberId, waId, [textMessage(waId, "me liga terça", new Date(Date.now() - 10 * MINUTE))]));
    const conversation = await db().conversation.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    const followUp = await db().followUp.create({
      data: { workspaceId: workspace.id, conversationId: conversation.id, dueAt: new Date(Date.now() + 60 * MINUTE), timezone: "UTC", channel: "call", reason: "asked", status: "scheduled", scheduledAt: new Date(Date.now() - 5 * MINUTE) },
    });
    await db().outboxItem.create({ data: { workspaceId: workspace.id, kind: "follow_up_due", dedupeKey: followUp.id, payload: { followUpId: followUp.id }, availableAt: followUp.dueAt } });

    await deliver(messagesPayload(phoneNumberId, waId, [textMessage(waId, "na verdade já fechei", new Date())]));
    expect(await db().followUp.findUniqueOrThrow({ where: { id: followUp.id } })).toMatchObject({ status: "cancelled", cancelReason: "prospect replied first" });
    expect(await db().outboxItem.count({ where: { kind: "follow_up_due", dedupeKey: followUp.id } })).toBe(0);
  });
});

describe("deliveries that cannot be stored", () => {
  it("keep their error in the inbox while the rest of their batch is stored, and a replay stores them", async () => {
    const { workspace, phoneNumberId } = await workspaceWithNumber();
    // The database refuses one message (as a constraint or a full disk would).
    await db().$executeRawUnsafe(`
      CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.provider_message_id = 'wamid.poison' THEN RAISE EXCEPTION 'refused by the test'; END IF;
        RETURN NEW;
      END $$`);
    await db().$executeRawUnsafe(`CREATE TRIGGER refuse_poison BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION refuse_poison()`);
    const at = new Date(Date.now() - MINUTE);
    await acknowledge(messagesPayload(phoneNumberId, "5511950000001", [textMessage("5511950000001", "antes", at)]));
    await acknowledge(messagesPayload(phoneNumberId, "5511950000002", [textMessage("5511950000002", "veneno", at, "wamid.poison")]));
    await acknowledge(messagesPayload(phoneNumberId, "5511950000003", [textMessage("5511950000003", "depois", at)]));
    // Not JSON a payload can be read from: kept, failed, never retried in a loop.
    await db().webhookDelivery.create({ data: { body: '{"object": "whatsapp_business_account", "entry": [' } });

    expect(await processInbox()).toMatchObject({ deliveries: 2, stored: 2, failed: 2 });
    expect((await db().message.findMany({ where: { workspaceId: workspace.id } })).map((m) => m.body).sort()).toEqual(["antes", "depois"]);
    const failed = await listFailedDeliveries();
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatchObject({ attempts: 1, error: expect.stringContaining("refused by the test") });
    expect(failed[1]).toMatchObject({ attempts: 1, error: expect.stringMatching(/JSON/) });
    // Nothing keeps retrying it on its own.
    expect(await processInbox()).toMatchObject({ deliveries: 0, failed: 0 });

    await db().$executeRawUnsafe(`DROP TRIGGER refuse_poison ON messages`);
    expect(await replayDeliveries({ ids: [failed[0]!.id] })).toBe(1);
    expect(await pendingWakeUps()).toBe(1);
    expect(await processInbox()).toMatchObject({ deliveries: 1, stored: 1, failed: 0 });
    expect(await db().message.count({ where: { workspaceId: workspace.id } })).toBe(3);
    expect(await listFailedDeliveries()).toEqual([expect.objectContaining({ id: failed[1]!.id })]);
  });
});

describe("the continuous runner", () => {
  it("is woken by a new delivery instead of waiting for its next poll", { timeout: 60_000 }, async () => {
    const { workspace, phoneNumberId } = await workspaceWithNumber();
    const stop = new AbortController();
    // A poll far longer than the test: only the announcement can start a pass in time.
    const running = runJobs({ mode: "continuously", worker: "woken-runner", pollMs: 10 * MINUTE, signal: stop.signal });
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await acknowledge(messagesPayload(phoneNumberId, "5511960000001", [textMessage("5511960000001", "alguém aí?", new Date())]));
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && (await db().message.count({ where: { workspaceId: workspace.id } })) === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await db().message.count({ where: { workspaceId: workspace.id } })).toBe(1);
    } finally {
      stop.abort();
      await running;
    }
  });
});
