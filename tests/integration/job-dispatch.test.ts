// Sending background work to Inngest (a local fake of its event API): due work
// is sent earliest first and a backlog of work scheduled for later delays
// nothing; a lost event is sent again under a new id; the minutely pass takes
// back work whose runner died; an Inngest run that failed or was cancelled
// gives its work up with the reason on the lead, and the lead can be retried.
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { reloadEnv } from "@/lib/env";
import { drainDueWork } from "@/lib/jobs/drain";
import { extractLeadJob } from "@/lib/jobs/extract-lead";
import { syncLeadJob } from "@/lib/jobs/sync-lead";
import { retrySync } from "@/lib/leads/retry";
import { claimItems } from "@/lib/outbox/outbox";
import { dispatchOutbox, RESEND_AFTER_MS } from "@/inngest/dispatch";
import { recoverAndDispatch } from "@/inngest/functions/recover-and-dispatch";
import { releaseEndedRuns } from "@/inngest/functions/release-ended-runs";

// The Inngest client reads its configuration when first imported.
const fake = await vi.hoisted(async () => {
  const { FakeInngest } = await import("@/tests/fakes/inngest-server");
  const server = new FakeInngest();
  await server.start();
  process.env.INNGEST_EVENT_KEY = server.eventKey;
  process.env.INNGEST_BASE_URL = server.url;
  return server;
});

beforeAll(() => {
  reloadEnv();
});

afterAll(async () => {
  await fake.stop();
  delete process.env.INNGEST_EVENT_KEY;
  delete process.env.INNGEST_BASE_URL;
  reloadEnv();
});

const MINUTE = 60_000;
let seq = 0;

async function workspaceWithLead() {
  seq += 1;
  const workspace = await db().workspace.create({ data: { name: `d ${seq}`, slug: `dispatch-${seq}`, defaultCountry: "BR" } });
  const at = new Date(Date.now() - 10 * MINUTE);
  const conversation = await db().conversation.create({
    data: { workspaceId: workspace.id, source: "import", contactWaId: `55119876${String(seq).padStart(5, "0")}`, firstMessageAt: at, lastMessageAt: at, lastUserMessageAt: at },
  });
  await db().message.create({
    data: { workspaceId: workspace.id, conversationId: conversation.id, providerMessageId: `wamid.d.${seq}`, role: "user", body: "Hi, I'm Ana Souza, ana.souza@example.com, I want a quote for solar panels", sentAt: at },
  });
  const contact = await db().contact.create({ data: { workspaceId: workspace.id, name: `Lead ${seq}`, phoneE164: `+55119876${String(seq).padStart(5, "0")}` } });
  const proposal = await db().leadProposal.create({
    data: { workspaceId: workspace.id, conversationId: conversation.id, status: "approved", name: contact.name, contactId: contact.id, syncStatus: "queued" },
  });
  return { workspaceId: workspace.id, conversationId: conversation.id, proposalId: proposal.id };
}

describe("dispatch", () => {
  it("sends only what is due, earliest first: 10,000 follow-ups scheduled for later do not delay a new extraction or sync", { timeout: 120_000 }, async () => {
    const lead = await workspaceWithLead();
    const now = new Date();
    // The backlog: follow-ups due over the next days, half of them sent long ago.
    await db().$executeRaw`
      INSERT INTO outbox_items (id, workspace_id, kind, payload, dedupe_key, available_at, dispatched_at, dispatch_count)
      SELECT gen_random_uuid(), ${lead.workspaceId}::uuid, 'follow_up_due', jsonb_build_object('followUpId', gen_random_uuid()), 'backlog-' || i,
             ${now}::timestamptz + interval '1 day' + i * interval '1 minute',
             CASE WHEN i % 2 = 0 THEN ${now}::timestamptz - interval '11 minutes' END,
             CASE WHEN i % 2 = 0 THEN 1 ELSE 0 END
        FROM generate_series(0, 9999) AS i`;
    const extraction = await extractLeadJob.enqueue(db(), { conversationId: lead.conversationId }, { workspaceId: lead.workspaceId, availableAt: now });
    const sync = await syncLeadJob.enqueue(db(), { leadProposalId: lead.proposalId }, { workspaceId: lead.workspaceId, availableAt: new Date(now.getTime() + 1) });
    fake.events.length = 0;

    expect(await dispatchOutbox({ now })).toEqual({ sent: 2 });
    expect(fake.events.map((event) => [event.id, event.name])).toEqual([
      [`${extraction.id}-1`, "leadbridge/extract_lead"],
      [`${sync.id}-1`, "leadbridge/sync_lead"],
    ]);
    expect(fake.events[1]!.data).toEqual({ outboxItemId: sync.id, workspaceId: lead.workspaceId, crmAccount: `internal:${lead.workspaceId}` });
    // Nothing more to send, now or ten minutes on: the backlog is not due.
    expect(await dispatchOutbox({ now })).toEqual({ sent: 0 });
    expect(await dispatchOutbox({ now: new Date(now.getTime() + 10 * MINUTE) })).toEqual({ sent: 2 });
    expect(fake.events.filter((event) => event.name === "leadbridge/follow_up_due")).toEqual([]);

    // The built-in runner takes the due work first, and nothing of the backlog.
    const summary = await drainDueWork({ worker: "drain" });
    expect(summary).toMatchObject({ claimed: 2, done: 2, failed: 0 });
    expect(Object.keys(summary.byKind).sort()).toEqual(["extract_lead", "sync_lead"]);
    expect(await db().outboxItem.count({ where: { kind: "follow_up_due", status: "pending" } })).toBe(10_000);
  });

  it("sends an event that was lost again under a new id, sends later work only once it is due, and keeps the id when a send fails", async () => {
    const lead = await workspaceWithLead();
    const now = new Date();
    const due = await syncLeadJob.enqueue(db(), { leadProposalId: lead.proposalId }, { workspaceId: lead.workspaceId, dedupeKey: "due", availableAt: now });
    const later = await extractLeadJob.enqueue(db(), { conversationId: lead.conversationId }, { workspaceId: lead.workspaceId, availableAt: new Date(now.getTime() + 10 * MINUTE) });

    await dispatchOutbox({ now });
    expect(fake.eventsFor(due.id).map((event) => event.id)).toEqual([`${due.id}-1`]);
    expect(fake.eventsFor(later.id)).toEqual([]);
    // Still pending long after it was sent and due: the event was lost.
    await dispatchOutbox({ now: new Date(now.getTime() + RESEND_AFTER_MS + MINUTE) });
    expect(fake.eventsFor(due.id).map((event) => event.id)).toEqual([`${due.id}-1`, `${due.id}-2`]);
    // Within a minute of its time the later item is sent, and its run sleeps the rest.
    expect(fake.eventsFor(later.id)).toEqual([]);
    await dispatchOutbox({ now: new Date(now.getTime() + 9.5 * MINUTE) });
    expect(fake.eventsFor(later.id).map((event) => event.id)).toEqual([`${later.id}-1`]);

    const fresh = await syncLeadJob.enqueue(db(), { leadProposalId: lead.proposalId }, { workspaceId: lead.workspaceId, dedupeKey: "fresh", availableAt: now });
    fake.failNext(100);
    expect(await dispatchOutbox({ now })).toMatchObject({ sent: 0, error: expect.any(String) });
    fake.healthy();
    await dispatchOutbox({ now });
    expect(fake.eventsFor(fresh.id).map((event) => event.id)).toEqual([`${fresh.id}-1`]);
  });
});

describe("recovery under Inngest", () => {
  it("the minutely pass takes back work whose run died and sends it again under a new id", async () => {
    const lead = await workspaceWithLead();
    const item = await syncLeadJob.enqueue(db(), { leadProposalId: lead.proposalId }, { workspaceId: lead.workspaceId, availableAt: new Date(Date.now() - 10 * MINUTE) });
    await dispatchOutbox();
    await claimItems([item.id], "inngest:run-that-died", new Date(Date.now() - 5 * MINUTE));

    const { result } = await new InngestTestEngine({ function: recoverAndDispatch, events: [{ name: "inngest/scheduled.timer", data: {} }] as never }).execute();

    expect(result).toMatchObject({ gaveUp: 0, dispatched: { sent: expect.any(Number) } });
    expect(await db().outboxItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: "pending", claimedBy: null, attempts: 1, dispatchCount: 2 });
    expect(fake.eventsFor(item.id).map((event) => event.id)).toEqual([`${item.id}-1`, `${item.id}-2`]);
  });

  for (const [ending, name, data, reason] of [
    ["failed", "inngest/function.failed", { error: { message: "the database was unreachable" } }, "Its Inngest run failed: the database was unreachable"],
    ["cancelled", "inngest/function.cancelled", {}, "Its Inngest run was cancelled."],
  ] as const) {
    it(`a run that ${ending} gives up the work it held, with the reason on the lead, and the lead can be retried`, async () => {
      const lead = await workspaceWithLead();
      const item = await syncLeadJob.enqueue(db(), { leadProposalId: lead.proposalId }, { workspaceId: lead.workspaceId, availableAt: new Date(0) });
      const runId = `01J${seq}RUN`;
      await claimItems([item.id], `inngest:${runId}`);

      const { result } = await new InngestTestEngine({
        function: releaseEndedRuns,
        events: [{ name, data: { function_id: "leadbridge-sync-lead", run_id: runId, ...data } }] as never,
      }).execute();

      expect(result).toEqual({ givenUp: 1 });
      expect(await db().outboxItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: "failed", lastError: reason, claimedBy: null });
      expect(await db().leadProposal.findUniqueOrThrow({ where: { id: lead.proposalId } })).toMatchObject({ syncStatus: "failed", syncError: reason });
      await retrySync(lead.workspaceId, lead.proposalId, { actorType: "system", actorId: null, actorLabel: "test" });
      expect(await db().leadProposal.findUniqueOrThrow({ where: { id: lead.proposalId } })).toMatchObject({ syncStatus: "queued" });
      expect(await db().outboxItem.count({ where: { kind: "sync_lead", dedupeKey: lead.proposalId, status: "pending" } })).toBe(1);
    });
  }
});
