import { describe, expect, it } from "vitest";
import { assertBudget, BUDGET_MARGIN_MS, slidingWindow, takeSlot, type RequestBudget } from "./rate-limit";

const account: RequestBudget = { key: "acct", limit: 100, windowMs: 10_000 };
const span = account.windowMs + BUDGET_MARGIN_MS;

/** Sends `count` requests as fast as the budgets allow, from `start`; returns their send times. */
function burst(budgets: RequestBudget[], count: number, start = 1_000_000, spacingMs = 3): number[] {
  let windows = new Map<string, number[]>();
  let now = start;
  const sent: number[] = [];
  while (sent.length < count) {
    const slot = takeSlot(windows, budgets, now);
    if (slot.waitMs > 0) {
      now += slot.waitMs;
      continue;
    }
    windows = slot.sentAt;
    sent.push(now);
    now += spacingMs;
  }
  return sent;
}

describe("slidingWindow", () => {
  it("lets the first `limit` requests of a window through without waiting", () => {
    const sent = burst([account], 100);
    expect(sent.at(-1)! - sent[0]!).toBe(99 * 3);
  });

  it("makes request 101 wait until the first one leaves the window (plus the margin)", () => {
    const sent = burst([account], 101);
    expect(sent[100]! - sent[0]!).toBe(span);
  });

  it("never has more than `limit` requests in any window across a long burst, yet approaches the limit", () => {
    const sent = burst([account], 450);
    for (const t of sent) expect(sent.filter((s) => s >= t && s < t + span).length).toBeLessThanOrEqual(100);
    // 450 requests need a little over 4 windows: the budget does not hold back below the limit.
    expect(sent.at(-1)! - sent[0]!).toBeLessThan(4 * span + 1_000);
  });

  it("forgets requests that left the window", () => {
    expect(slidingWindow([1, 2, 3], 1 + span, { key: "a", limit: 3, windowMs: 10_000 })).toEqual({ kept: [2, 3], waitMs: 0 });
    expect(slidingWindow([1, 2, 3], 1 + span - 1, { key: "a", limit: 3, windowMs: 10_000 })).toEqual({ kept: [1, 2, 3], waitMs: 1 });
  });

  it("rejects a nonsensical budget", () => {
    expect(() => assertBudget({ key: "a", limit: 0, windowMs: 1_000 })).toThrow(RangeError);
    expect(() => assertBudget({ key: "a", limit: 5, windowMs: 0 })).toThrow(RangeError);
  });
});

describe("takeSlot", () => {
  it("takes a slot in several budgets only when all have room, at the same moment", () => {
    const search = { key: "acct:search", limit: 1, windowMs: 1_000 };
    const small = { key: "acct", limit: 3, windowMs: 10_000 };
    const sent = burst([search, small], 4, 0, 0);
    // Search allows one per second; the account three per 10 s.
    const searchSpan = 1_000 + BUDGET_MARGIN_MS;
    expect(sent).toEqual([0, searchSpan, 2 * searchSpan, 10_000 + BUDGET_MARGIN_MS]);
  });

  it("keeps each budget's times under its own key, and takes nothing while one is full", () => {
    const windows = new Map([["a", [0]], ["b", []]]);
    const full = takeSlot(windows, [{ key: "a", limit: 1, windowMs: 1_000 }, { key: "b", limit: 5, windowMs: 1_000 }], 10);
    expect(full.waitMs).toBe(1_000 + BUDGET_MARGIN_MS - 10);
    expect(full.sentAt.get("b")).toEqual([]);
  });
});
