// A sliding-window request budget per CRM account: before each call the adapter
// takes a slot, waiting until the oldest call in the window leaves it, so a burst
// runs as fast as the CRM allows without being answered 429. Pure: the clock and
// the sleep are injected, so tests need no real time.

export interface RateLimitOptions {
  /** Requests allowed per window (HubSpot private apps: 100 per 10 s). */
  limit: number;
  windowMs: number;
  /**
   * Extra spacing added to the window: our send times and the CRM's arrival
   * times differ by network jitter, so an exact window can overshoot by one.
   */
  marginMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RateLimiter {
  /** Resolves when a request for `account` may be sent, and counts it. */
  acquire(account: string): Promise<void>;
  /** Takes a slot if one is free now; otherwise returns how long to wait (ms) without taking one. */
  tryAcquire(account: string): number;
  /** How long until a slot is free (0: now), without taking it. */
  waitMs(account: string): number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  if (!Number.isInteger(options.limit) || options.limit < 1) throw new RangeError("limit must be a positive integer");
  if (!(options.windowMs > 0)) throw new RangeError("windowMs must be positive");
  const span = options.windowMs + (options.marginMs ?? 0);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  // Send times per account, oldest first; never longer than `limit`.
  const sentAt = new Map<string, number[]>();

  /** The account's send times still inside the window at `at`. */
  function current(account: string, at: number): number[] {
    let times = sentAt.get(account);
    if (!times) {
      times = [];
      sentAt.set(account, times);
    }
    while (times.length > 0 && times[0]! <= at - span) times.shift();
    return times;
  }

  function waitMs(account: string): number {
    const at = now();
    const times = current(account, at);
    return times.length < options.limit ? 0 : Math.max(1, times[0]! + span - at);
  }

  function tryAcquire(account: string): number {
    const wait = waitMs(account);
    if (wait === 0) current(account, now()).push(now());
    return wait;
  }

  async function acquire(account: string): Promise<void> {
    for (;;) {
      const waitMs = tryAcquire(account);
      if (waitMs === 0) return;
      await sleep(waitMs);
    }
  }

  return { acquire, tryAcquire, waitMs };
}

/**
 * Takes a slot in every budget at the same moment (e.g. HubSpot's account limit
 * and its search limit). Taking them one after another would count the request
 * in the first budget earlier than it is really sent.
 */
export async function acquireAll(limiters: readonly RateLimiter[], account: string, sleep = realSleep): Promise<void> {
  for (;;) {
    const waitMs = Math.max(0, ...limiters.map((limiter) => limiter.waitMs(account)));
    if (waitMs === 0) {
      for (const limiter of limiters) limiter.tryAcquire(account);
      return;
    }
    await sleep(waitMs);
  }
}
