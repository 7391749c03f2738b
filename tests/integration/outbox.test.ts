// The outbox (the store of background work) and the built-in runner against
// PostgreSQL: work is collapsed per key, claimed by one runner only, retried
// with backoff or after the wait a rate limit asks for, given up on with the
// reason shown, and taken back when its runner dies.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { defineJob, onlyItem } from "@/lib/jobs/definition";
import { drainDueWork } from "@/lib/jobs/drain";
import { PermanentFailure, RetryLater } from "@/lib/jobs/failures";
import { takeBackExpiredWork } from "@/lib/jobs/recover";
import { CLAIM_LEASE_MS, claimItems, claimNextDue, enqueue, overdueCounts } from "@/lib/outbox/outbox";

async function workspace(slug: string) {
  return db().workspace.create({ data: { name: slug, slug, defaultCountry: "BR" } });
}

/** A job whose run does what its payload says; gave-up items are recorded for the test to see. */
function probeJob(kind: string, gaveUp: unknown[] = []) {
  return defineJob({
    kind,
    payload: z.object({ outcome: z.enum(["ok", "rate-limited", "bad-request", "down"]) }),
    maxAttempts: 3,
    async run({ items, step }) {
      const { payload } = onlyItem(items);
      await step("do-it", async () => {
        if (payload.outcome === "rate-limited") throw new RetryLater("429 from the CRM", 10_000);
        if (payload.outcome === "bad-request") throw new PermanentFailure("The CRM rejected the email");
        if (payload.outcome === "down") throw new Error("still down");
      });
    },
    async onGiveUp(item, reason) {
      gaveUp.push([item.payload.outcome, reason]);
    },
  });
}

describe("outbox", () => {
  it("collapses repeated pending work with the same key into one item", async () => {
    const { id: workspaceId } = await workspace("dedupe");
    const later = new Date(Date.now() + 60_000);
    const first = await enqueue(db(), { workspaceId, kind: "extract_lead", payload: { conversationId: "c1" }, dedupeKey: "c1" });
    const second = await enqueue(db(), { workspaceId, kind: "extract_lead", payload: { conversationId: "c1", n: 2 }, dedupeKey: "c1", availableAt: later });
    expect(second.id).toBe(first.id);
    const item = await db().outboxItem.findUniqueOrThrow({ where: { id: first.id } });
    expect(item.payload).toEqual({ conversationId: "c1", n: 2 });
    expect(item.availableAt.getTime()).toBe(later.getTime());
  });

  it("is written in the caller's transaction: a rolled-back change leaves no work behind", async () => {
    const { id: workspaceId } = await workspace("rollback");
    await expect(
      db().$transaction(async (tx) => {
        await enqueue(tx, { workspaceId, kind: "sync_lead", payload: { leadProposalId: "x" } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db().outboxItem.count({ where: { workspaceId } })).toBe(0);
  });

  it("gives each due item to exactly one of several concurrent runners, earliest due first", async () => {
    const { id: workspaceId } = await workspace("claims");
    const start = Date.now() - 60_000;
    for (let i = 0; i < 30; i++) await enqueue(db(), { workspaceId, kind: "push_scores", payload: { i }, availableAt: new Date(start + i * 1000) });
    const claimAll = async (worker: string) => {
      const taken: { id: string; availableAt: Date }[] = [];
      for (;;) {
        const [item, ...more] = await claimNextDue(worker, new Date(), ["push_scores"]);
        if (!item) return taken;
        expect(more).toEqual([]);
        taken.push(item);
      }
    };
    const claims = await Promise.all(["w1", "w2", "w3"].map(claimAll));
    const ids = claims.flat().map((item) => item.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    for (const taken of claims) {
      const times = taken.map((item) => item.availableAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    // An Inngest run arriving late finds the item taken.
    expect(await claimItems([ids[0]!], "inngest:late")).toEqual([]);
  });

  it("claims a batch of one workspace's due items of a batched kind, the earliest due first", async () => {
    const a = await workspace("batch-a");
    const b = await workspace("batch-b");
    const past = Date.now() - 60_000;
    await enqueue(db(), { workspaceId: a.id, kind: "sync_lead", payload: { n: 1 }, availableAt: new Date(past) });
    await enqueue(db(), { workspaceId: b.id, kind: "sync_lead", payload: { n: 2 }, availableAt: new Date(past + 1) });
    await enqueue(db(), { workspaceId: a.id, kind: "sync_lead", payload: { n: 3 }, availableAt: new Date(past + 2) });
    await enqueue(db(), { workspaceId: a.id, kind: "sync_lead", payload: { n: 4 }, availableAt: new Date(Date.now() + 60_000) });
    const batch = await claimNextDue("w", new Date(), ["sync_lead"], { sync_lead: 100 });
    expect(batch.map((item) => item.payload)).toEqual([{ n: 1 }, { n: 3 }]);
    expect((await claimNextDue("w", new Date(), ["sync_lead"], { sync_lead: 100 })).map((item) => item.payload)).toEqual([{ n: 2 }]);
  });

  it("does not hand out work before it is due, and takes an expired claim back", async () => {
    const { id: workspaceId } = await workspace("due");
    const now = new Date();
    const { id } = await enqueue(db(), { workspaceId, kind: "follow_up_due", payload: {}, availableAt: new Date(now.getTime() + 60_000) });
    expect(await claimItems([id], "w1", now)).toEqual([]);
    const at = new Date(now.getTime() + 61_000);
    const [claimed] = await claimItems([id], "w1", at);
    expect(claimed?.attempts).toBe(1);
    // Repeating the same runner's claim (its answer was lost) takes no second attempt.
    expect((await claimItems([id], "w1", at))[0]?.attempts).toBe(1);
    expect(await claimItems([id], "w2", new Date(at.getTime() + 1_000))).toEqual([]);
    // The first runner died: once its lease ran out the item is pending again and can be claimed.
    expect(await takeBackExpiredWork(new Date(at.getTime() + CLAIM_LEASE_MS - 1))).toBe(0);
    expect(await db().outboxItem.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "claimed" });
    await takeBackExpiredWork(new Date(at.getTime() + CLAIM_LEASE_MS + 1));
    expect(await db().outboxItem.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "pending", claimedBy: null, lastError: expect.stringMatching(/claim expired/) });
    expect((await claimItems([id], "w2", new Date(at.getTime() + CLAIM_LEASE_MS + 2)))[0]?.attempts).toBe(2);
  });
});

describe("the built-in runner", () => {
  it("runs due work through job definitions, waiting out rate limits, backing off transient failures and stopping on permanent ones", async () => {
    const { id: workspaceId } = await workspace("drain");
    const gaveUp: unknown[] = [];
    const probe = probeJob("probe_drain", gaveUp);
    const past = new Date(Date.now() - 1000);
    for (const outcome of ["ok", "rate-limited", "bad-request", "down"] as const) {
      await probe.enqueue(db(), { outcome }, { workspaceId, availableAt: past });
    }
    const summary = await drainDueWork({ worker: "test", definitions: [probe] });
    expect(summary).toMatchObject({ claimed: 4, done: 1, retrying: 2, failed: 1 });
    expect(gaveUp).toEqual([["bad-request", "The CRM rejected the email"]]);
    const items = await db().outboxItem.findMany({ where: { workspaceId }, select: { status: true, lastError: true, availableAt: true, payload: true, attempts: true } });
    const byOutcome = Object.fromEntries(items.map((item) => [(item.payload as { outcome: string }).outcome, item]));
    expect(byOutcome.ok).toMatchObject({ status: "done", attempts: 1 });
    // Waiting out a rate limit does not use up an attempt.
    expect(byOutcome["rate-limited"]).toMatchObject({ status: "pending", attempts: 0 });
    expect(byOutcome["rate-limited"]!.availableAt.getTime()).toBeGreaterThan(Date.now() + 8_000);
    // A transient failure is counted and backs off 30 s.
    expect(byOutcome.down).toMatchObject({ status: "pending", attempts: 1, lastError: "still down" });
    expect(byOutcome.down!.availableAt.getTime()).toBeGreaterThan(Date.now() + 25_000);
    expect(byOutcome["bad-request"]).toMatchObject({ status: "failed", lastError: "The CRM rejected the email" });
    // Nothing is due any more: a second pass does nothing.
    expect((await drainDueWork({ worker: "test", definitions: [probe] })).claimed).toBe(0);
  });

  it("gives up after the job's maximum attempts and tells people why", async () => {
    const { id: workspaceId } = await workspace("give-up");
    const gaveUp: unknown[] = [];
    const probe = probeJob("probe_give_up", gaveUp);
    const { id } = await probe.enqueue(db(), { outcome: "down" }, { workspaceId, availableAt: new Date(0) });
    let clock = Date.now();
    for (let attempt = 0; attempt < 5; attempt++) {
      await drainDueWork({ worker: "t", definitions: [probe], now: () => new Date(clock) });
      clock += 60 * 60_000;
    }
    expect(await db().outboxItem.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed", attempts: 3, lastError: "Gave up after 3 attempts: still down" });
    expect(gaveUp).toEqual([["down", "Gave up after 3 attempts: still down"]]);
  });

  it("fails an item whose payload the job cannot read, without running it", async () => {
    const { id: workspaceId } = await workspace("malformed");
    const probe = probeJob("probe_malformed");
    const { id } = await enqueue(db(), { workspaceId, kind: probe.kind, payload: { outcome: "maybe" }, availableAt: new Date(0) });
    expect(await drainDueWork({ worker: "t", definitions: [probe] })).toMatchObject({ claimed: 1, failed: 1 });
    expect(await db().outboxItem.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed", lastError: expect.stringMatching(/^Malformed probe_malformed payload/) });
  });

  it("gives up on work whose runner died on its last attempt, with the reason on the item", async () => {
    const { id: workspaceId } = await workspace("died");
    const gaveUp: unknown[] = [];
    const probe = probeJob("probe_died", gaveUp);
    const { id } = await probe.enqueue(db(), { outcome: "ok" }, { workspaceId, availableAt: new Date(0) });
    await db().outboxItem.update({ where: { id }, data: { attempts: 2 } });
    await claimItems([id], "dead-runner");
    await drainDueWork({ worker: "t", definitions: [probe], now: () => new Date(Date.now() + CLAIM_LEASE_MS + 1_000) });
    expect(await db().outboxItem.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed", attempts: 3 });
    expect(gaveUp).toEqual([["ok", expect.stringMatching(/^Gave up after 3 attempts: .*claim expired/)]]);
  });
});

describe("overdue work", () => {
  it("takes work first in line as soon as it is asked for, even during a pass, taking turns with the backlog", async () => {
    const { id: workspaceId } = await workspace("first-in-line");
    const order: string[] = [];
    const urgent = defineJob({
      kind: "urgent_probe",
      payload: z.object({ label: z.string() }),
      firstInLine: true,
      async run({ items, step }) {
        const { payload } = onlyItem(items);
        await step("record", async () => void order.push(payload.label));
      },
    });
    const backlog = defineJob({
      kind: "backlog_probe",
      payload: z.object({ label: z.string() }),
      async run({ items, step }) {
        const { payload } = onlyItem(items);
        await step("record", async () => {
          order.push(payload.label);
          // Asked for while the pass runs: due after the pass started.
          if (payload.label === "backlog-1") {
            for (const label of ["urgent-1", "urgent-2"]) await urgent.enqueue(db(), { label }, { workspaceId });
          }
        });
      },
    });
    const past = new Date(Date.now() - 60_000);
    for (let index = 1; index <= 4; index++) await backlog.enqueue(db(), { label: `backlog-${index}` }, { workspaceId, availableAt: new Date(past.getTime() + index) });

    const summary = await drainDueWork({ worker: "first-in-line", definitions: [urgent, backlog] });

    expect(summary).toMatchObject({ claimed: 6, done: 6 });
    expect(order).toEqual(["backlog-1", "urgent-1", "backlog-2", "urgent-2", "backlog-3", "backlog-4"]);
  });

  it("counts only due work nobody picked up, per kind, for the notice", async () => {
    const { id: workspaceId } = await workspace("overdue");
    const now = new Date();
    await enqueue(db(), { workspaceId, kind: "sync_lead", payload: {}, availableAt: new Date(now.getTime() - 60_000) });
    await enqueue(db(), { workspaceId, kind: "sync_lead", payload: {}, availableAt: new Date(now.getTime() - 5_000) });
    await enqueue(db(), { workspaceId, kind: "extract_lead", payload: {}, availableAt: new Date(now.getTime() + 60_000) });
    expect(await overdueCounts(workspaceId, now)).toEqual({ sync_lead: 1 });
  });
});
