// The stored funnel outcomes (`funnel_outcomes`, kept by triggers) never drift
// from the rules: after each kind of change to what the outcome reads (a
// conversation arriving or moving, its proposal extracted, approved, rejected,
// undone, synced or failing, its follow-ups scheduled, done, cancelled, given
// up or deleted, their due work failing, its contact opting out and back in,
// the conversation deleted, a reviewer's corrections written or removed),
// every stored row equals the row the function computes from the current
// state, and has the outcome the rules give, the seconds to each stage it
// reached and the fields corrected. Two
// transactions changing different facts of one conversation at once leave
// the row the rules give for both. One transaction changing many
// conversations (as a batch of WhatsApp deliveries does) refreshes them all at
// its commit, a savepoint rolled back included, and leaves nothing noted.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { databaseUrl } from "@/lib/env";
import { FUNNEL_OUTCOME_KEYS, FUNNEL_STAGES, reachedStage, type FunnelOutcome } from "@/lib/funnel/outcomes";
import { drainDueWork } from "@/lib/jobs/drain";
import { REJECT_REASONS } from "@/lib/leads/lead-status";
import { approveProposal, rejectProposal, undoReview, type ReviewActor } from "@/lib/leads/review";
import { twoWorkspaces } from "../support/people";

const MINUTE = 60_000;
let world: Awaited<ReturnType<typeof twoWorkspaces>>;
let A: string;
let actor: ReviewActor;
let waSeq = 0;

/** Every conversation whose stored row differs from the computed one (or is missing or left over). */
async function drifted(): Promise<unknown[]> {
  return db().$queryRaw<unknown[]>`
    SELECT coalesce(s.conversation_id, c.conversation_id) AS conversation_id, s.outcome AS stored, c.outcome AS computed
      FROM funnel_outcomes s
      FULL JOIN funnel_outcome_rows(ARRAY(SELECT id FROM conversations)) c ON c.conversation_id = s.conversation_id
     WHERE ROW(s.*) IS DISTINCT FROM ROW(c.*)`;
}

async function storedOutcome(conversationId: string): Promise<string | undefined> {
  const row = await db().funnelOutcome.findUnique({ where: { conversationId }, select: { outcome: true } });
  return row?.outcome;
}

/** Asserts no drift anywhere, and this conversation's stored outcome. */
async function expectOutcome(conversationId: string, outcome: FunnelOutcome | undefined) {
  expect(await drifted()).toEqual([]);
  expect(await storedOutcome(conversationId)).toBe(outcome);
}

async function newConversation(extra: { source?: string; language?: string } = {}) {
  const at = new Date(Date.now() - 60 * MINUTE);
  return db().conversation.create({
    data: {
      workspaceId: A, source: extra.source ?? "import", contactWaId: `55118${String(++waSeq).padStart(8, "0")}`, language: extra.language ?? "pt",
      firstMessageAt: at, lastMessageAt: at, messageCount: 1,
    },
  });
}

const reviewable = { status: "proposed", name: "Ana Beatriz Souza", email: "ana.outcomes@gmail.com", phone: "+5511987650111", qualifies: true, validation: { email_valid: true, phone_valid: true } };

beforeAll(async () => {
  world = await twoWorkspaces();
  A = world.a.workspaceId;
  actor = { actorType: "user", actorId: world.managerA.userId, actorLabel: "manager@alpha.test" };
});

describe("stored funnel outcomes follow every kind of change", () => {
  it("a conversation arrives and changes what the breakdowns read", async () => {
    const conversation = await newConversation();
    await expectOutcome(conversation.id, "not_extracted");
    await db().conversation.update({ where: { id: conversation.id }, data: { language: "ES", source: "webhook", whatsappPhoneNumberId: "200000000000009", firstMessageAt: new Date("2026-01-02T00:00:00Z") } });
    await expectOutcome(conversation.id, "not_extracted");
    const row = await db().funnelOutcome.findUniqueOrThrow({ where: { conversationId: conversation.id } });
    expect(row).toMatchObject({ language: "es", source: "webhook", whatsappPhoneNumberId: "200000000000009", firstMessageAt: new Date("2026-01-02T00:00:00Z") });
    // A new message only moves the last message: the row stays as it is.
    await db().conversation.update({ where: { id: conversation.id }, data: { lastMessageAt: new Date(), messageCount: { increment: 1 } } });
    await expectOutcome(conversation.id, "not_extracted");
  });

  it("extraction's results: pending, failed, insufficient, proposed", async () => {
    const conversation = await newConversation();
    const proposal = await db().leadProposal.create({ data: { workspaceId: A, conversationId: conversation.id, status: "pending" } });
    await expectOutcome(conversation.id, "not_extracted");
    await db().leadProposal.update({ where: { id: proposal.id }, data: { status: "failed", failureReason: "provider error", extractedAt: new Date() } });
    await expectOutcome(conversation.id, "extraction_failed");
    await db().leadProposal.update({ where: { id: proposal.id }, data: { status: "insufficient", failureReason: null, name: null } });
    await expectOutcome(conversation.id, "no_name");
    await db().leadProposal.update({ where: { id: proposal.id }, data: { name: "Ana" } });
    await expectOutcome(conversation.id, "no_valid_contact");
    await db().leadProposal.update({ where: { id: proposal.id }, data: reviewable });
    await expectOutcome(conversation.id, "awaiting_review");
    await db().leadProposal.delete({ where: { id: proposal.id } });
    await expectOutcome(conversation.id, "not_extracted");
  });

  it("the contact opts out and back in", async () => {
    const conversation = await newConversation();
    await db().leadProposal.create({ data: { workspaceId: A, conversationId: conversation.id, status: "insufficient", name: "Ana" } });
    const optOut = await db().optOut.create({ data: { workspaceId: A, waId: conversation.contactWaId } });
    await expectOutcome(conversation.id, "opted_out");
    await db().optOut.delete({ where: { id: optOut.id } });
    await expectOutcome(conversation.id, "no_valid_contact");
  });

  it("review: each reject reason, approve, undo; then the sync's states", async () => {
    for (const reason of REJECT_REASONS) {
      const conversation = await newConversation();
      const proposal = await db().leadProposal.create({ data: { workspaceId: A, conversationId: conversation.id, ...reviewable } });
      await rejectProposal({ workspaceId: A, proposalId: proposal.id, expectedVersion: 1, actor, rejection: { reason } });
      await expectOutcome(conversation.id, `rejected_${reason}`);
    }

    const conversation = await newConversation();
    const proposal = await db().leadProposal.create({ data: { workspaceId: A, conversationId: conversation.id, ...reviewable, email: "ana.undo@gmail.com", phone: "+5511987650222" } });
    const approved = await approveProposal({ workspaceId: A, proposalId: proposal.id, expectedVersion: 1, actor });
    await expectOutcome(conversation.id, "undo_window");
    await undoReview({ workspaceId: A, proposalId: proposal.id, expectedVersion: approved.proposal.version, actor });
    await expectOutcome(conversation.id, "awaiting_review");

    const again = await db().leadProposal.findUniqueOrThrow({ where: { id: proposal.id } });
    await approveProposal({ workspaceId: A, proposalId: proposal.id, expectedVersion: again.version, actor });
    await expectOutcome(conversation.id, "undo_window");
    // The sync runs once the undo window has passed, as jobs:drain does.
    await drainDueWork({ worker: "test", now: () => new Date(Date.now() + 2 * MINUTE) });
    expect((await db().leadProposal.findUniqueOrThrow({ where: { id: proposal.id } })).syncStatus).toBe("synced");
    await expect(storedOutcome(conversation.id)).resolves.not.toMatch(/undo_window|syncing|awaiting_review/);
    expect(await drifted()).toEqual([]);

    await db().leadProposal.update({ where: { id: proposal.id }, data: { syncStatus: "failed" } });
    await expectOutcome(conversation.id, "sync_failed");
    await db().leadProposal.update({ where: { id: proposal.id }, data: { syncStatus: "syncing" } });
    await expectOutcome(conversation.id, "syncing");
  });

  it("follow-ups and their due work", async () => {
    const conversation = await newConversation();
    await db().leadProposal.create({ data: { workspaceId: A, conversationId: conversation.id, ...reviewable, status: "approved", syncStatus: "synced", reviewedAt: new Date(), syncedAt: new Date() } });
    await expectOutcome(conversation.id, "no_follow_up_planned");
    const dueAt = new Date(Date.now() + 24 * 60 * MINUTE);
    const followUp = await db().followUp.create({
      data: { workspaceId: A, conversationId: conversation.id, dueAt, timezone: "UTC", channel: "whatsapp", reason: "asked for a call", status: "scheduled" },
    });
    await expectOutcome(conversation.id, "follow_up_scheduled");
    const work = await db().outboxItem.create({ data: { workspaceId: A, kind: "follow_up_due", payload: { followUpId: followUp.id }, dedupeKey: followUp.id, availableAt: dueAt } });
    await expectOutcome(conversation.id, "follow_up_scheduled");
    await db().outboxItem.update({ where: { id: work.id }, data: { status: "failed" } });
    await expectOutcome(conversation.id, "follow_up_failed");
    await db().outboxItem.delete({ where: { id: work.id } });
    await expectOutcome(conversation.id, "follow_up_scheduled");
    // The follow-up itself gave up (its task could not be created).
    await db().followUp.update({ where: { id: followUp.id }, data: { status: "failed", failureReason: "no CRM contact" } });
    await expectOutcome(conversation.id, "follow_up_failed");
    await db().followUp.update({ where: { id: followUp.id }, data: { status: "cancelled", cancelledAt: new Date() } });
    await expectOutcome(conversation.id, "follow_up_cancelled");
    await db().followUp.update({ where: { id: followUp.id }, data: { status: "done", doneAt: new Date() } });
    await expectOutcome(conversation.id, "followed_up");
    expect((await db().funnelOutcome.findUniqueOrThrow({ where: { conversationId: conversation.id } })).firstFollowUpDoneAt).toBeInstanceOf(Date);
    await db().followUp.delete({ where: { id: followUp.id } });
    await expectOutcome(conversation.id, "no_follow_up_planned");
  });

  it("a reviewer's corrections, and the seconds to each stage the outcome reached", async () => {
    const conversation = await newConversation();
    const at = (minutes: number) => new Date(conversation.firstMessageAt.getTime() + minutes * MINUTE);
    const stored = () => db().funnelOutcome.findUniqueOrThrow({ where: { conversationId: conversation.id } });
    const proposal = await db().leadProposal.create({ data: { workspaceId: A, conversationId: conversation.id, ...reviewable, extractedAt: at(5) } });
    await expectOutcome(conversation.id, "awaiting_review");
    expect(await stored()).toMatchObject({ secondsToProposed: 300, secondsToApproved: null, secondsToSynced: null, secondsToFollowedUp: null, correctedFields: [] });

    await db().leadProposal.update({ where: { id: proposal.id }, data: { status: "approved", syncStatus: "synced", reviewedAt: at(10.5), syncedAt: at(20) } });
    await expectOutcome(conversation.id, "no_follow_up_planned");
    expect(await stored()).toMatchObject({ secondsToProposed: 300, secondsToApproved: 630, secondsToSynced: 1200, secondsToFollowedUp: null });

    // Corrections written on their own, as the review writes them, and removed.
    const phone = await db().leadCorrection.create({ data: { workspaceId: A, leadProposalId: proposal.id, field: "phone", extractedValue: "1", approvedValue: "2" } });
    await db().leadCorrection.create({ data: { workspaceId: A, leadProposalId: proposal.id, field: "email", extractedValue: "a", approvedValue: "b" } });
    await expectOutcome(conversation.id, "no_follow_up_planned");
    expect((await stored()).correctedFields).toEqual(["email", "phone"]);
    await db().leadCorrection.update({ where: { id: phone.id }, data: { field: "name" } });
    await expectOutcome(conversation.id, "no_follow_up_planned");
    expect((await stored()).correctedFields).toEqual(["email", "name"]);
    await db().leadCorrection.deleteMany({ where: { leadProposalId: proposal.id, field: "email" } });
    await expectOutcome(conversation.id, "no_follow_up_planned");
    expect((await stored()).correctedFields).toEqual(["name"]);

    // Rejected: it reached `proposed` only, whatever timestamps the proposal keeps.
    await db().leadProposal.update({ where: { id: proposal.id }, data: { status: "rejected", rejectReason: "spam", syncStatus: "none" } });
    await expectOutcome(conversation.id, "rejected_spam");
    expect(await stored()).toMatchObject({ secondsToProposed: 300, secondsToApproved: null, secondsToSynced: null, correctedFields: ["name"] });
  });

  it("the database's stage reached by each outcome is the funnel's", async () => {
    const rows = await db().$queryRaw<{ outcome: string; stage: number | null }[]>`
      SELECT outcome, funnel_stage_reached(outcome) AS stage FROM unnest(${FUNNEL_OUTCOME_KEYS}::text[]) AS outcome`;
    expect(Object.fromEntries(rows.map((row) => [row.outcome, row.stage === null ? null : FUNNEL_STAGES[row.stage]]))).toEqual(
      Object.fromEntries(FUNNEL_OUTCOME_KEYS.map((outcome) => [outcome, reachedStage(outcome)])),
    );
  });

  it("a deleted conversation leaves no row", async () => {
    const conversation = await newConversation();
    await db().leadProposal.create({ data: { workspaceId: A, conversationId: conversation.id, ...reviewable } });
    await db().conversation.delete({ where: { id: conversation.id } });
    await expectOutcome(conversation.id, undefined);
  });
});

describe("two transactions changing one conversation at once", () => {
  const clients: pg.Client[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
  });

  it("the later one computes from what the earlier one committed", async () => {
    const conversation = await newConversation();
    const proposal = await db().leadProposal.create({ data: { workspaceId: A, conversationId: conversation.id, ...reviewable, status: "approved", syncStatus: "syncing", reviewedAt: new Date() } });
    await expectOutcome(conversation.id, "syncing");
    const [first, second] = [new pg.Client({ connectionString: databaseUrl() }), new pg.Client({ connectionString: databaseUrl() })];
    clients.push(first, second);
    await Promise.all([first.connect(), second.connect()]);

    // The first marks the lead synced and computes its row now (holding it) but has not committed.
    await first.query("BEGIN");
    await first.query("UPDATE lead_proposals SET sync_status = 'synced', synced_at = now() WHERE id = $1", [proposal.id]);
    await first.query("SET CONSTRAINTS ALL IMMEDIATE");
    // The second records a done follow-up: alone it would leave the lead "syncing".
    await second.query("BEGIN");
    await second.query(
      "INSERT INTO follow_ups (id, workspace_id, conversation_id, due_at, timezone, channel, reason, status, done_at, updated_at) VALUES (gen_random_uuid(), $1, $2, now(), 'UTC', 'whatsapp', 'call', 'done', now(), now())",
      [A, conversation.id],
    );
    const secondCommit = second.query("COMMIT");
    await new Promise((resolve) => setTimeout(resolve, 200));
    await first.query("COMMIT");
    await secondCommit;
    await expectOutcome(conversation.id, "followed_up");
  });
});

describe("one transaction changing many conversations", () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });
  const noted = async () => (await client.query<{ count: number }>("SELECT count(*)::int AS count FROM funnel_outcomes_stale")).rows[0]!.count;

  it("refreshes every one at commit, what a rolled-back savepoint did undone, and leaves nothing noted", async () => {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO conversations (id, workspace_id, source, channel, contact_wa_id, first_message_at, last_message_at, message_count, updated_at)
       SELECT gen_random_uuid(), $1, 'webhook', 'whatsapp', '55119' || lpad(g::text, 8, '0'), now() - interval '1 hour', now() - interval '1 hour', 0, now()
         FROM generate_series(1, 40) g
       RETURNING id`,
      [A],
    );
    const ids = rows.map((row) => row.id);
    await client.query("UPDATE conversations SET message_count = message_count + 1, first_message_at = first_message_at - interval '1 minute' WHERE id = ANY($1::uuid[])", [ids]);
    const proposalInsert = `INSERT INTO lead_proposals (id, workspace_id, conversation_id, status, name, qualifies, validation, updated_at)
      SELECT gen_random_uuid(), $1, id, 'proposed', 'Lote', true, '{}'::jsonb, now() FROM unnest($2::uuid[]) AS t(id)`;
    await client.query(proposalInsert, [A, ids.slice(0, 20)]);
    await client.query("SAVEPOINT later");
    await client.query(proposalInsert, [A, ids.slice(20)]);
    await client.query("ROLLBACK TO SAVEPOINT later");
    // Nothing is computed before the commit: the rows are noted, none stored yet.
    expect(await noted()).toBeGreaterThan(0);
    expect((await client.query("SELECT 1 FROM funnel_outcomes WHERE conversation_id = ANY($1::uuid[])", [ids])).rowCount).toBe(0);
    await client.query("COMMIT");

    expect(await noted()).toBe(0);
    expect(await drifted()).toEqual([]);
    const outcomes = await db().funnelOutcome.findMany({ where: { conversationId: { in: ids } }, select: { conversationId: true, outcome: true } });
    const outcomeOf = new Map(outcomes.map((row) => [row.conversationId, row.outcome]));
    expect(ids.map((id) => outcomeOf.get(id))).toEqual([...ids.slice(0, 20).map(() => "awaiting_review"), ...ids.slice(20).map(() => "not_extracted")]);
  });

  it("a transaction rolled back leaves nothing noted and nothing stored", async () => {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO conversations (id, workspace_id, source, channel, contact_wa_id, first_message_at, last_message_at, message_count, updated_at)
       VALUES (gen_random_uuid(), $1, 'webhook', 'whatsapp', '5511977770000', now(), now(), 1, now()) RETURNING id`,
      [A],
    );
    await client.query("ROLLBACK");
    expect(await noted()).toBe(0);
    expect(await storedOutcome(rows[0]!.id)).toBeUndefined();
    expect(await drifted()).toEqual([]);
  });
});
