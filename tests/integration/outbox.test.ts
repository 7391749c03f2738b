// The outbox against PostgreSQL: work is collapsed per key, claimed by one
// worker only, retried with backoff, and drained until nothing due is left.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { drainOutbox, PermanentFailure, RetryLater } from "@/lib/outbox/drain";
import { claimDue, claimItem, enqueue, MAX_ATTEMPTS, overdueCounts } from "@/lib/outbox/outbox";

async function workspace(slug: string) {
  return db().workspace.create({ data: { name: slug, slug, defaultCountry: "BR" } });
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

  it("gives each due item to exactly one of several concurrent workers", async () => {
    const { id: workspaceId } = await workspace("claims");
    const past = new Date(Date.now() - 1000);
    for (let i = 0; i < 30; i++) await enqueue(db(), { workspaceId, kind: "push_scores", payload: { i }, availableAt: past });
    const claims = await Promise.all(["w1", "w2", "w3"].map((worker) => claimDue(worker, 30, new Date(), ["push_scores"])));
    const ids = claims.flat().map((item) => item.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    // An Inngest function arriving late finds the item taken.
    expect(await claimItem(ids[0]!, "inngest")).toBeNull();
  });

  it("does not hand out work before it is due, and takes over an expired claim", async () => {
    const { id: workspaceId } = await workspace("due");
    const now = new Date();
    const { id } = await enqueue(db(), { workspaceId, kind: "follow_up_due", payload: {}, availableAt: new Date(now.getTime() + 60_000) });
    expect(await claimItem(id, "w1", now)).toBeNull();
    const claimed = await claimItem(id, "w1", new Date(now.getTime() + 61_000));
    expect(claimed?.attempts).toBe(1);
    expect(await claimItem(id, "w2", new Date(now.getTime() + 62_000))).toBeNull();
    // The first worker died: after its lease the item can be taken over.
    expect((await claimItem(id, "w2", new Date(now.getTime() + 61_000 + 6 * 60_000)))?.attempts).toBe(2);
  });

  it("drains due work through handlers, retrying transient failures and stopping on permanent ones", async () => {
    const { id: workspaceId } = await workspace("drain");
    const past = new Date(Date.now() - 1000);
    await enqueue(db(), { workspaceId, kind: "sync_lead", payload: { outcome: "ok" }, availableAt: past });
    await enqueue(db(), { workspaceId, kind: "sync_lead", payload: { outcome: "rate-limited" }, availableAt: past });
    await enqueue(db(), { workspaceId, kind: "sync_lead", payload: { outcome: "bad-request" }, availableAt: past });
    const seen: unknown[] = [];
    const gaveUp: unknown[] = [];
    const summary = await drainOutbox({
      worker: "test",
      handlers: {
        sync_lead: {
          run: async (item) => {
            seen.push(item.payload.outcome);
            if (item.payload.outcome === "rate-limited") throw new RetryLater("429 from the CRM", 10_000);
            if (item.payload.outcome === "bad-request") throw new PermanentFailure("The CRM rejected the email");
          },
          onGiveUp: async (item, reason) => {
            gaveUp.push([item.payload.outcome, reason]);
          },
        },
      },
    });
    expect(seen.sort()).toEqual(["bad-request", "ok", "rate-limited"]);
    expect(summary).toMatchObject({ claimed: 3, done: 1, retrying: 1, failed: 1 });
    expect(gaveUp).toEqual([["bad-request", "The CRM rejected the email"]]);
    const items = await db().outboxItem.findMany({ where: { workspaceId }, select: { status: true, lastError: true, availableAt: true, payload: true } });
    const byOutcome = Object.fromEntries(items.map((item) => [(item.payload as { outcome: string }).outcome, item]));
    expect(byOutcome.ok!.status).toBe("done");
    expect(byOutcome["rate-limited"]!.status).toBe("pending");
    expect(byOutcome["rate-limited"]!.availableAt.getTime()).toBeGreaterThan(Date.now() + 8_000);
    // Waiting out a rate limit does not use up an attempt.
    expect(await db().outboxItem.findFirstOrThrow({ where: { workspaceId, status: "pending" } })).toMatchObject({ attempts: 0 });
    expect(byOutcome["bad-request"]).toMatchObject({ status: "failed", lastError: "The CRM rejected the email" });
    // Nothing is due any more: a second drain does nothing.
    expect((await drainOutbox({ worker: "test", handlers: { sync_lead: { run: async () => {} } } })).claimed).toBe(0);
  });

  it("gives up after the maximum number of attempts", async () => {
    const { id: workspaceId } = await workspace("give-up");
    const { id } = await enqueue(db(), { workspaceId, kind: "push_scores", payload: {}, availableAt: new Date(0) });
    await db().outboxItem.update({ where: { id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    await drainOutbox({ worker: "t", handlers: { push_scores: { run: async () => { throw new Error("still down"); } } } });
    expect(await db().outboxItem.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastError: "still down" });
  });
});

describe("overdue work", () => {
  it("counts only due work nobody picked up, per kind, for the notice", async () => {
    const { id: workspaceId } = await workspace("overdue");
    const now = new Date();
    await enqueue(db(), { workspaceId, kind: "sync_lead", payload: {}, availableAt: new Date(now.getTime() - 60_000) });
    await enqueue(db(), { workspaceId, kind: "sync_lead", payload: {}, availableAt: new Date(now.getTime() - 5_000) });
    await enqueue(db(), { workspaceId, kind: "extract_lead", payload: {}, availableAt: new Date(now.getTime() + 60_000) });
    expect(await overdueCounts(workspaceId, now)).toEqual({ extract_lead: 0, sync_lead: 1, push_scores: 0, follow_up_due: 0 });
  });
});
