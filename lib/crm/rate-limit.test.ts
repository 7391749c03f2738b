import { describe, expect, it } from "vitest";
import { acquireAll, createRateLimiter } from "./rate-limit";

/** A clock the test moves; sleeping advances it. */
function fakeClock() {
  let at = 1_000_000;
  const sleeps: number[] = [];
  return {
    now: () => at,
    advance: (ms: number) => {
      at += ms;
    },
    sleep: async (ms: number) => {
      sleeps.push(ms);
      at += ms;
    },
    sleeps,
  };
}

describe("createRateLimiter", () => {
  it("lets the first `limit` requests of a window through without waiting", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 100, windowMs: 10_000, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 100; i++) await limiter.acquire("acct");
    expect(clock.sleeps).toEqual([]);
  });

  it("makes request 101 wait until the first one leaves the window", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 100, windowMs: 10_000, now: clock.now, sleep: clock.sleep });
    const start = clock.now();
    for (let i = 0; i < 100; i++) {
      await limiter.acquire("acct");
      clock.advance(10);
    }
    await limiter.acquire("acct");
    expect(clock.now() - start).toBe(10_000);
  });

  it("never has more than `limit` requests in any window across a long burst", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 100, windowMs: 10_000, now: clock.now, sleep: clock.sleep });
    const sent: number[] = [];
    for (let i = 0; i < 450; i++) {
      await limiter.acquire("acct");
      sent.push(clock.now());
      clock.advance(3);
    }
    for (const t of sent) {
      const inWindow = sent.filter((s) => s >= t && s < t + 10_000).length;
      expect(inWindow).toBeLessThanOrEqual(100);
    }
    // Throughput approaches the limit: 450 requests need a little over 4 windows.
    expect(sent.at(-1)! - sent[0]!).toBeLessThan(4 * 10_000 + 1_000);
  });

  it("keeps a separate budget per account", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 1_000, now: clock.now, sleep: clock.sleep });
    expect(limiter.tryAcquire("a")).toBe(0);
    expect(limiter.tryAcquire("a")).toBe(0);
    expect(limiter.tryAcquire("a")).toBe(1_000);
    expect(limiter.tryAcquire("b")).toBe(0);
  });

  it("adds the safety margin to the wait", () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000, marginMs: 50, now: clock.now, sleep: clock.sleep });
    expect(limiter.tryAcquire("a")).toBe(0);
    clock.advance(1_000);
    expect(limiter.tryAcquire("a")).toBe(50);
    clock.advance(50);
    expect(limiter.tryAcquire("a")).toBe(0);
  });

  it("rejects a nonsensical budget", () => {
    expect(() => createRateLimiter({ limit: 0, windowMs: 1_000 })).toThrow(RangeError);
    expect(() => createRateLimiter({ limit: 5, windowMs: 0 })).toThrow(RangeError);
  });

  it("takes slots in several budgets only when all have room, at the same moment", async () => {
    const clock = fakeClock();
    const account = createRateLimiter({ limit: 3, windowMs: 10_000, now: clock.now, sleep: clock.sleep });
    const search = createRateLimiter({ limit: 1, windowMs: 1_000, now: clock.now, sleep: clock.sleep });
    const sent: number[] = [];
    for (let i = 0; i < 4; i++) {
      await acquireAll([search, account], "acct", clock.sleep);
      sent.push(clock.now());
    }
    // Search allows one per second; the account allows three per 10 s.
    expect(sent.map((t) => t - sent[0]!)).toEqual([0, 1_000, 2_000, 10_000]);
    // The 4th search was counted when sent (10 s), not when its search slot was
    // free (3 s): a 5th search now must wait, or HubSpot would see two in a second.
    expect(search.waitMs("acct")).toBe(1_000);
  });
});
