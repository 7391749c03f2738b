// The managers' funnel against a real database: a known mix of conversations
// (every outcome, in-progress work, a second workspace, conversations either
// side of the period in a non-UTC time zone) gives exact stage counts,
// conversions, in-progress and dropped reasons, time percentiles, extraction
// accuracy and breakdowns; an empty period gives zeros and nulls; the services
// record the timestamps the funnel reads; GET /api/v1/funnel checks roles,
// names each bad parameter and answers CSV; the queue lists each outcome's leads.
import { beforeAll, describe, expect, it } from "vitest";
import * as funnelRoute from "@/app/api/v1/funnel/route";
import * as leadsRoute from "@/app/api/v1/leads/route";
import { db, type Prisma } from "@/lib/db/client";
import type { LeadField } from "@/lib/extraction/types";
import { funnelReport } from "@/lib/funnel/queries";
import { todayIn } from "@/lib/funnel/period";
import type { FunnelReport } from "@/lib/funnel/report";
import { drainDueWork } from "@/lib/jobs/drain";
import { listQueue } from "@/lib/leads/queue";
import { approveProposal } from "@/lib/leads/review";
import { call } from "../support/http";
import { signInCookie, twoWorkspaces } from "../support/people";
import { configureWebhook, deliver, messagesPayload, textMessage } from "../support/whatsapp";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);

let world: Awaited<ReturnType<typeof twoWorkspaces>>;
let A: string;
const NUMBER_A = "200000000000001";
// São Paulo is UTC-3 all year: March 2026 there is [03:00Z on 1 March, 03:00Z on 1 April).
const TIMEZONE = "America/Sao_Paulo";
const MARCH = { from: "2026-03-01", to: "2026-03-31" };
// The moment the funnel is read: one conversation was approved 30 s before it.
const NOW = new Date("2026-03-31T22:00:30.000Z");

type FollowUpSeed = { status: "scheduled" | "cancelled" | "done"; doneAfterHours?: number; dueWork?: "pending" | "failed" };
type Seed = {
  at: string;
  source?: "import" | "webhook";
  language?: string;
  proposal?: Partial<Prisma.LeadProposalUncheckedCreateInput> & { extractedAfterMinutes?: number; reviewedAfterHours?: number; syncedAfterHours?: number };
  followUps?: FollowUpSeed[];
  corrections?: LeadField[];
  optOut?: boolean;
};

const ids: Record<string, { conversationId: string; proposalId: string | null }> = {};
let waSeq = 0;

async function seed(workspaceId: string, key: string, s: Seed) {
  const at = new Date(s.at);
  const waId = `55119${String(++waSeq).padStart(8, "0")}`;
  const source = s.source ?? "import";
  const conversation = await db().conversation.create({
    data: {
      workspaceId, source, whatsappPhoneNumberId: source === "webhook" ? NUMBER_A : null, contactWaId: waId, language: s.language ?? "pt",
      firstMessageAt: at, lastMessageAt: plus(at, 5 * MINUTE), messageCount: 2,
    },
  });
  let proposalId: string | null = null;
  if (s.proposal) {
    const { extractedAfterMinutes, reviewedAfterHours, syncedAfterHours, ...fields } = s.proposal;
    const proposal = await db().leadProposal.create({
      data: {
        workspaceId, conversationId: conversation.id, name: "Lead " + key, qualifies: true, ...fields,
        extractedAt: extractedAfterMinutes === undefined ? null : plus(at, extractedAfterMinutes * MINUTE),
        reviewedAt: fields.reviewedAt ?? (reviewedAfterHours === undefined ? null : plus(at, reviewedAfterHours * HOUR)),
        syncedAt: syncedAfterHours === undefined ? null : plus(at, syncedAfterHours * HOUR),
      },
    });
    proposalId = proposal.id;
    for (const field of s.corrections ?? []) {
      await db().leadCorrection.create({ data: { workspaceId, leadProposalId: proposal.id, field, extractedValue: "x", approvedValue: "y" } });
    }
  }
  for (const followUp of s.followUps ?? []) {
    const row = await db().followUp.create({
      data: {
        workspaceId, conversationId: conversation.id, dueAt: plus(at, 24 * HOUR), timezone: TIMEZONE, channel: "whatsapp", reason: "asked for a call",
        status: followUp.status, doneAt: followUp.doneAfterHours === undefined ? null : plus(at, followUp.doneAfterHours * HOUR),
      },
    });
    if (followUp.dueWork) {
      await db().outboxItem.create({ data: { workspaceId, kind: "follow_up_due", payload: { followUpId: row.id }, dedupeKey: row.id, status: followUp.dueWork } });
    }
  }
  if (s.optOut) await db().optOut.create({ data: { workspaceId, waId } });
  ids[key] = { conversationId: conversation.id, proposalId };
}

const approved = (extra: Seed["proposal"] = {}): Seed["proposal"] => ({ status: "approved", syncStatus: "synced", ...extra });

beforeAll(async () => {
  world = await twoWorkspaces();
  A = world.a.workspaceId;
  await db().workspace.update({ where: { id: A }, data: { timezone: TIMEZONE } });
  const owner = world.managerA.userId;

  // Not proposed (8): 3 not extracted (in progress), 5 dropped.
  await seed(A, "none", { at: "2026-03-02T12:00:00Z" });
  await seed(A, "pending", { at: "2026-03-02T13:00:00Z", proposal: { status: "pending", name: null, qualifies: false } });
  await seed(A, "lastDay", { at: "2026-04-01T02:30:00Z" }); // 31 March, 23:30 in São Paulo
  // Insufficient leads also have extraction times: they must not count towards "time to proposal".
  await seed(A, "noName", { at: "2026-03-03T12:00:00Z", proposal: { status: "insufficient", name: null, qualifies: false, extractedAfterMinutes: 1000 } });
  await seed(A, "noContact", { at: "2026-03-03T13:00:00Z", proposal: { status: "insufficient", qualifies: false, extractedAfterMinutes: 1000 } });
  await seed(A, "failed", { at: "2026-03-03T14:00:00Z", proposal: { status: "failed", name: null, qualifies: false, failureReason: "provider error" } });
  await seed(A, "optOut", { at: "2026-03-03T15:00:00Z", optOut: true, proposal: { status: "insufficient", qualifies: false } });
  // Rejected while it did not qualify: it never was a proposed lead.
  await seed(A, "rejectedInsufficient", { at: "2026-03-03T16:00:00Z", proposal: { status: "rejected", rejectReason: "other", name: null, qualifies: false, reviewedAfterHours: 100 } });

  // Proposed, not approved (3): 1 awaiting review, 2 rejected.
  await seed(A, "review", { at: "2026-03-04T12:00:00Z", language: "es", proposal: { status: "proposed", productInterest: "Battery", urgencyLevel: "high", extractedAfterMinutes: 10 } });
  await seed(A, "spam", { at: "2026-03-04T13:00:00Z", proposal: { status: "rejected", rejectReason: "spam", reviewedBy: "reviewer@alpha.test", reviewedAfterHours: 100, extractedAfterMinutes: 20 }, corrections: ["email"] });
  await seed(A, "duplicate", { at: "2026-03-04T14:00:00Z", proposal: { status: "rejected", rejectReason: "duplicate", reviewedBy: "reviewer@alpha.test", reviewedAfterHours: 100, extractedAfterMinutes: 30 } });

  // Approved, not synced (3): in the undo window, syncing, failed.
  await seed(A, "undo", { at: "2026-03-31T12:00:00Z", proposal: { status: "approved", syncStatus: "queued", reviewedAt: new Date("2026-03-31T22:00:00Z"), reviewedBy: "manager@alpha.test", extractedAfterMinutes: 40 } });
  await seed(A, "syncing", { at: "2026-03-05T12:00:00Z", source: "webhook", proposal: { status: "approved", syncStatus: "syncing", ownerId: owner, reviewedBy: "manager@alpha.test", extractedAfterMinutes: 50, reviewedAfterHours: 1 } });
  await seed(A, "syncFailed", { at: "2026-03-05T13:00:00Z", proposal: { status: "merged", syncStatus: "failed", reviewedBy: "reviewer@alpha.test", extractedAfterMinutes: 60, reviewedAfterHours: 2 } });

  // Synced (6): 4 not followed up, 2 followed up.
  await seed(A, "noPlan", { at: "2026-03-06T12:00:00Z", source: "webhook", proposal: approved({ ownerId: owner, productInterest: "Battery", reviewedBy: "reviewer@alpha.test", extractedAfterMinutes: 70, reviewedAfterHours: 3, syncedAfterHours: 2 }), corrections: ["name"] });
  await seed(A, "scheduled", { at: "2026-03-06T13:00:00Z", proposal: approved({ ownerId: owner, reviewedBy: "reviewer@alpha.test", extractedAfterMinutes: 80, reviewedAfterHours: 4, syncedAfterHours: 4 }), corrections: ["phone"], followUps: [{ status: "scheduled", dueWork: "pending" }] });
  await seed(A, "followUpFailed", { at: "2026-03-06T14:00:00Z", proposal: approved({ reviewedBy: "reviewer@alpha.test", extractedAfterMinutes: 90, reviewedAfterHours: 5, syncedAfterHours: 6 }), followUps: [{ status: "scheduled", dueWork: "failed" }] });
  await seed(A, "cancelled", { at: "2026-03-06T15:00:00Z", proposal: approved({ status: "merged", reviewedBy: "reviewer@alpha.test", extractedAfterMinutes: 100, reviewedAfterHours: 6, syncedAfterHours: 8 }), followUps: [{ status: "cancelled" }] });
  await seed(A, "done", { at: "2026-03-07T12:00:00Z", proposal: approved({ productInterest: "Battery", reviewedBy: "reviewer@alpha.test", extractedAfterMinutes: 110, reviewedAfterHours: 7, syncedAfterHours: 10 }), corrections: ["name"], followUps: [{ status: "done", doneAfterHours: 24 }] });
  await seed(A, "doneTwice", {
    at: "2026-03-07T13:00:00Z",
    proposal: approved({ status: "merged", productInterest: "Solar Kit", reviewedBy: "reviewer@alpha.test", extractedAfterMinutes: 120, reviewedAfterHours: 8, syncedAfterHours: 12 }),
    followUps: [{ status: "cancelled" }, { status: "done", doneAfterHours: 72 }, { status: "done", doneAfterHours: 48 }],
  });

  // Outside March in São Paulo (28 February 23:59 and 1 April 00:00 there), and another workspace.
  await seed(A, "february", { at: "2026-03-01T02:59:00Z", proposal: approved({ reviewedAfterHours: 1, syncedAfterHours: 1 }), corrections: ["name", "email"] });
  await seed(A, "april", { at: "2026-04-01T03:00:00Z" });
  await seed(world.b.workspaceId, "otherWorkspace", { at: "2026-03-10T12:00:00Z", proposal: approved() });
});

const stage = (report: Pick<FunnelReport, "stages">, key: string) => report.stages.find((candidate) => candidate.key === key)!;

describe("funnelReport", () => {
  let march: FunnelReport;
  beforeAll(async () => {
    march = await funnelReport(A, MARCH, NOW);
  });

  it("counts each stage as a subset of the one before, with conversion from the previous stage", () => {
    expect(march).toMatchObject({ from: "2026-03-01", to: "2026-03-31", timezone: TIMEZONE, groupBy: null, groups: [] });
    expect(march.stages.map((s) => [s.key, s.count, s.conversion])).toEqual([
      ["conversations", 20, null],
      ["proposed", 12, 12 / 20],
      ["approved", 9, 9 / 12],
      ["synced", 6, 6 / 9],
      ["followed_up", 2, 2 / 6],
    ]);
  });

  it("splits what did not advance into in progress and dropped by reason, never both", () => {
    expect(stage(march, "conversations")).toMatchObject({ inProgress: 0, inProgressBy: {}, dropped: {} });
    expect(stage(march, "proposed")).toMatchObject({
      inProgress: 3,
      inProgressBy: { not_extracted: 3 },
      dropped: { no_name: 2, no_valid_contact: 1, extraction_failed: 1, opted_out: 1 },
    });
    expect(stage(march, "approved")).toMatchObject({
      inProgress: 1,
      inProgressBy: { awaiting_review: 1 },
      dropped: { rejected_spam: 1, rejected_not_a_lead: 0, rejected_duplicate: 1, rejected_wrong_number: 0, rejected_other: 0 },
    });
    expect(stage(march, "synced")).toMatchObject({ inProgress: 2, inProgressBy: { undo_window: 1, syncing: 1 }, dropped: { sync_failed: 1 } });
    expect(stage(march, "followed_up")).toMatchObject({
      inProgress: 1,
      inProgressBy: { follow_up_scheduled: 1 },
      dropped: { follow_up_cancelled: 1, follow_up_failed: 1, no_follow_up_planned: 1 },
    });
    // Every conversation is in exactly one place.
    for (const [index, current] of march.stages.entries()) {
      if (index === 0) continue;
      const droppedTotal = Object.values(current.dropped).reduce((sum, count) => sum + (count ?? 0), 0);
      expect(current.count + current.inProgress + droppedTotal).toBe(march.stages[index - 1]!.count);
    }
  });

  it("counts the undo window from the moment the funnel is read", async () => {
    const later = await funnelReport(A, MARCH, plus(NOW, 2 * MINUTE));
    expect(stage(later, "synced").inProgressBy).toEqual({ undo_window: 0, syncing: 2 });
  });

  it("gives the median and 90th percentile from the first message to each stage, over the conversations that reached it", () => {
    // Proposal after 10, 20 ... 120 minutes (12 leads): median 65 min, p90 = 100 + 0.9 x 10 = 109 min.
    expect(march.times.proposed).toEqual({ conversations: 12, medianSeconds: 65 * 60, p90Seconds: 109 * 60 });
    // Approval after 1 ... 8 hours and 10 h (the one in the undo window): median 5 h, p90 = 8 + 0.2 x 2 = 8.4 h.
    expect(march.times.approved.conversations).toBe(9);
    expect(march.times.approved.medianSeconds).toBe(5 * 3600);
    expect(march.times.approved.p90Seconds).toBeCloseTo(8.4 * 3600, 6);
    // In the CRM after 2, 4 ... 12 hours: median 7 h, p90 = 10 + 0.5 x 2 = 11 h.
    expect(march.times.synced).toEqual({ conversations: 6, medianSeconds: 7 * 3600, p90Seconds: 11 * 3600 });
    // First follow-up done after 24 h and 48 h (the later one of the second lead does not count): median 36 h, p90 45.6 h.
    expect(march.times.followed_up.conversations).toBe(2);
    expect(march.times.followed_up.medianSeconds).toBe(36 * 3600);
    expect(march.times.followed_up.p90Seconds).toBeCloseTo(45.6 * 3600, 6);
  });

  it("measures extraction accuracy per field on the cohort's approved and merged leads", () => {
    // 9 approved or merged leads; names corrected twice, a phone once; the rejected lead's and February's corrections do not count.
    expect(march.accuracyBasis).toEqual({ approvedLeads: 9, corrections: { name: 2, email: 0, phone: 1, company: 0, product_interest: 0, urgency_level: 0 } });
    expect(march.extractionAccuracy).toEqual({ name: 1 - 2 / 9, email: 1, phone: 1 - 1 / 9, company: 1, product_interest: 1, urgency_level: 1 });
  });

  it("takes whole days in the workspace's time zone: the period's edges fall at its midnights", async () => {
    const february = await funnelReport(A, { from: "2026-02-01", to: "2026-02-28" }, NOW);
    expect(stage(february, "conversations").count).toBe(1);
    expect(stage(february, "followed_up").count).toBe(0);
    expect(february.accuracyBasis).toMatchObject({ approvedLeads: 1, corrections: { name: 1, email: 1 } });
    expect(february.extractionAccuracy).toMatchObject({ name: 0, email: 0, phone: 1 });
    const lastDayOfMarch = await funnelReport(A, { from: "2026-03-31", to: "2026-03-31" }, NOW);
    expect(stage(lastDayOfMarch, "conversations").count).toBe(2); // "undo" at 09:00 and "lastDay" at 23:30 there
    const firstOfApril = await funnelReport(A, { from: "2026-04-01", to: "2026-04-01" }, NOW);
    expect(stage(firstOfApril, "conversations").count).toBe(1);
    // The same instants in UTC would put "february" in March and "lastDay" in April.
    await db().workspace.update({ where: { id: A }, data: { timezone: "UTC" } });
    try {
      const utc = await funnelReport(A, MARCH, NOW);
      expect(stage(utc, "conversations").count).toBe(20);
      expect(await funnelReport(A, { from: "2026-04-01", to: "2026-04-01" }, NOW).then((r) => stage(r, "conversations").count)).toBe(2);
      expect(await funnelReport(A, { from: "2026-02-28", to: "2026-02-28" }, NOW).then((r) => stage(r, "conversations").count)).toBe(0);
    } finally {
      await db().workspace.update({ where: { id: A }, data: { timezone: TIMEZONE } });
    }
  });

  it("answers an empty period with zero counts and no rates, times or accuracy", async () => {
    const empty = await funnelReport(A, { from: "2025-01-01", to: "2025-01-31", groupBy: "product" }, NOW);
    expect(empty.stages.map((s) => [s.key, s.count, s.conversion, s.inProgress])).toEqual([
      ["conversations", 0, null, 0],
      ["proposed", 0, null, 0],
      ["approved", 0, null, 0],
      ["synced", 0, null, 0],
      ["followed_up", 0, null, 0],
    ]);
    expect(Object.values(stage(empty, "approved").dropped).every((count) => count === 0)).toBe(true);
    expect(empty.times.synced).toEqual({ conversations: 0, medianSeconds: null, p90Seconds: null });
    expect(Object.values(empty.extractionAccuracy)).toEqual([null, null, null, null, null, null]);
    expect(empty.groups).toEqual([]);
  });

  it("breaks the funnel down by product, owner, reviewer, source and language, the groups adding up to the whole", async () => {
    const counts = (report: FunnelReport) => Object.fromEntries(report.groups.map((group) => [group.label, group.stages.map((s) => s.count)]));
    const byProduct = await funnelReport(A, { ...MARCH, groupBy: "product" }, NOW);
    expect(counts(byProduct)).toEqual({
      Battery: [3, 3, 2, 2, 1],
      "Solar Kit": [1, 1, 1, 1, 1],
      "No product": [16, 8, 6, 3, 0],
    });
    expect(byProduct.groups.at(-1)!.key).toBeNull();
    expect(byProduct.stages).toEqual(march.stages);

    const byOwner = await funnelReport(A, { ...MARCH, groupBy: "owner" }, NOW);
    expect(byOwner.groups.map((group) => [group.key, group.label, group.stages[0]!.count, group.stages[3]!.count])).toEqual([
      [world.managerA.userId, "manager@alpha.test", 3, 2],
      [null, "Unassigned", 17, 4],
    ]);

    const byReviewer = await funnelReport(A, { ...MARCH, groupBy: "reviewer" }, NOW);
    expect(counts(byReviewer)).toEqual({
      "Not reviewed": [9, 1, 0, 0, 0],
      "reviewer@alpha.test": [9, 9, 7, 6, 2],
      "manager@alpha.test": [2, 2, 2, 0, 0],
    });
    expect(byReviewer.groups.map((group) => group.label)).toEqual(["reviewer@alpha.test", "manager@alpha.test", "Not reviewed"]);
    // People's names are data; the group without a reviewer is the product's word, coded for the dashboard to translate.
    expect(byReviewer.groups.map((group) => group.labelPhrase.code)).toEqual(["as_stored", "as_stored", "none_reviewer"]);
    expect(stage(byReviewer.groups[0]!, "approved").dropped).toMatchObject({ rejected_spam: 1, rejected_duplicate: 1 });

    const bySource = await funnelReport(A, { ...MARCH, groupBy: "source" }, NOW);
    expect(bySource.groups.map((group) => [group.key, group.label, group.stages[0]!.count])).toEqual([
      ["import", "Import", 18],
      [`whatsapp:${NUMBER_A}`, expect.stringMatching(/^WhatsApp /), 2],
    ]);

    const byLanguage = await funnelReport(A, { ...MARCH, groupBy: "language" }, NOW);
    expect(counts(byLanguage)).toEqual({ pt: [19, 11, 9, 6, 2], es: [1, 1, 0, 0, 0] });
  });
});

describe("the timestamps the funnel reads", () => {
  it("approving and syncing a lead records when it was reviewed and reached the CRM", async () => {
    const first = new Date(Date.now() - 2 * HOUR);
    await seed(A, "live", { at: first.toISOString(), proposal: { status: "proposed", name: "Ana Beatriz Souza", email: "ana.live@gmail.com", phone: "+5511987650999", validation: { email_valid: true, phone_valid: true } } });
    const { proposalId } = ids.live!;
    await approveProposal({ workspaceId: A, proposalId: proposalId!, expectedVersion: 1, actor: { actorType: "user", actorId: world.managerA.userId, actorLabel: "manager@alpha.test" } });
    const period = { from: todayIn(TIMEZONE, first), to: todayIn(TIMEZONE) };
    const beforeSync = await funnelReport(A, period);
    expect(stage(beforeSync, "synced").inProgressBy).toMatchObject({ undo_window: 1 });
    // The sync waits out the undo window; the drain runs it once it is due, as jobs:drain does.
    await drainDueWork({ worker: "test", now: () => new Date(Date.now() + 2 * MINUTE) });
    const proposal = await db().leadProposal.findUniqueOrThrow({ where: { id: proposalId! } });
    expect(proposal.syncStatus).toBe("synced");
    expect(proposal.syncedAt).toBeInstanceOf(Date);
    expect(proposal.syncedAt!.getTime()).toBeGreaterThanOrEqual(proposal.reviewedAt!.getTime());
    const afterSync = await funnelReport(A, period);
    expect(stage(afterSync, "synced").count).toBe(stage(beforeSync, "synced").count + 1);
    expect(afterSync.times.synced.conversations).toBe(1);
    expect(afterSync.times.synced.medianSeconds).toBeGreaterThanOrEqual(2 * 3600);
  });

  it("a conversation from the webhook remembers the WhatsApp number it came in on", async () => {
    const payload = messagesPayload(NUMBER_A, "5511955554444", [textMessage("5511955554444", "Oi, quero um orçamento", new Date())]);
    configureWebhook();
    const { response, stored } = await deliver(payload);
    expect(response.status).toBe(200);
    expect(stored).toMatchObject({ stored: 1 });
    const conversation = await db().conversation.findFirstOrThrow({ where: { workspaceId: A, contactWaId: "5511955554444" } });
    expect(conversation).toMatchObject({ source: "webhook", whatsappPhoneNumberId: NUMBER_A });
  });
});

describe("GET /api/v1/funnel", () => {
  const url = "/api/v1/funnel?from=2026-03-01&to=2026-03-31";

  it("answers managers, admins and API keys; refuses reviewers and strangers", async () => {
    const manager = await call(funnelRoute.GET, `${url}&groupBy=urgency`, { cookie: await signInCookie("manager@alpha.test") });
    expect(manager.status).toBe(200);
    const body = (await manager.json()) as FunnelReport;
    expect(body).toMatchObject({ from: "2026-03-01", to: "2026-03-31", timezone: TIMEZONE, groupBy: "urgency" });
    expect(body.stages.map((s) => s.key)).toEqual(["conversations", "proposed", "approved", "synced", "followed_up"]);
    expect(body.groups.map((group) => group.label)).toEqual(["high", "No urgency"]);
    expect(body.groups.map((group) => group.labelPhrase.code)).toEqual(["urgency_high", "none_urgency"]);
    expect((await call(funnelRoute.GET, url, { cookie: await signInCookie("admin@alpha.test") })).status).toBe(200);
    const key = await call(funnelRoute.GET, url, { key: world.a.apiKey.key });
    expect(key.status).toBe(200);
    expect(((await key.json()) as FunnelReport).stages[0]!.count).toBe(20);
    expect((await call(funnelRoute.GET, url, { cookie: await signInCookie("reviewer@alpha.test") })).status).toBe(403);
    expect((await call(funnelRoute.GET, url)).status).toBe(401);
    // Another workspace's key sees its own funnel only.
    const other = (await (await call(funnelRoute.GET, url, { key: world.b.apiKey.key })).json()) as FunnelReport;
    expect(other.stages.map((s) => s.count)).toEqual([1, 1, 1, 1, 0]);
  });

  it("names each bad parameter in a 422", async () => {
    const bad = await call(funnelRoute.GET, "/api/v1/funnel?from=2026-02-30&groupBy=team&format=xml", { key: world.a.apiKey.key });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toMatch(/application\/problem\+json/);
    const problem = (await bad.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((error) => error.path).sort()).toEqual(["format", "from", "groupBy", "to"]);
    const reversed = await call(funnelRoute.GET, "/api/v1/funnel?from=2026-03-31&to=2026-03-01", { key: world.a.apiKey.key });
    expect(reversed.status).toBe(422);
    expect(((await reversed.json()) as { errors: { path: string }[] }).errors.map((error) => error.path)).toEqual(["to"]);
  });

  it("answers the same figures as CSV", async () => {
    const response = await call(funnelRoute.GET, `${url}&groupBy=product&format=csv`, { key: world.a.apiKey.key });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="funnel-2026-03-01-to-2026-03-31-by-product.csv"');
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe("section,group,stage,measure,value");
    expect(lines).toContain("period,,,timezone,America/Sao_Paulo");
    expect(lines).toContain("stage,,proposed,count,12");
    expect(lines).toContain("stage,,proposed,conversion,0.6");
    expect(lines).toContain("dropped,,approved,rejected_spam,1");
    expect(lines).toContain("in_progress,,synced,undo_window,0");
    expect(lines).toContain(`time,,proposed,median_seconds,${65 * 60}`);
    expect(lines).toContain("stage,Battery,followed_up,count,1");
    expect(lines).toContain("stage,No product,conversations,count,16");
  });
});

describe("the queue filtered to a funnel outcome", () => {
  const march = { firstMessageFrom: "2026-03-01T03:00:00.000Z", firstMessageTo: "2026-04-01T03:00:00.000Z" };
  const keysOf = async (query: Parameters<typeof listQueue>[1]) =>
    (await listQueue(A, query)).rows.map((row) => Object.entries(ids).find(([, value]) => value.conversationId === row.conversationId)?.[0]).sort();

  it("lists exactly the cohort's conversations with that outcome", async () => {
    expect(await keysOf({ funnel: "rejected_spam", ...march })).toEqual(["spam"]);
    expect(await keysOf({ funnel: "no_name", ...march })).toEqual(["noName", "rejectedInsufficient"]);
    expect(await keysOf({ funnel: "not_extracted", ...march })).toEqual(["lastDay", "none", "pending"]);
    expect(await keysOf({ funnel: "follow_up_failed", ...march })).toEqual(["followUpFailed"]);
    expect(await keysOf({ funnel: "followed_up", ...march })).toEqual(["done", "doneTwice"]);
    // Without the cohort bounds: every conversation of the workspace with that outcome.
    // ("live" was approved and synced above, with no follow-up planned.)
    expect(await keysOf({ funnel: "no_follow_up_planned" })).toEqual(["february", "live", "noPlan"]);
  });

  it("takes the filter on GET /api/v1/leads and names a bad one", async () => {
    const response = await call(leadsRoute.GET, `/api/v1/leads?funnel=opted_out&firstMessageFrom=${march.firstMessageFrom}&firstMessageTo=${march.firstMessageTo}`, { key: world.a.apiKey.key });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { rows: { conversationId: string }[] };
    expect(body.rows.map((row) => row.conversationId)).toEqual([ids.optOut!.conversationId]);
    const bad = await call(leadsRoute.GET, "/api/v1/leads?funnel=lost&firstMessageFrom=yesterday", { key: world.a.apiKey.key });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors.map((error) => error.path).sort()).toEqual(["firstMessageFrom", "funnel"]);
  });
});
