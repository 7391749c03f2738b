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

  function tryAcquire(account: string): number {
    const at = now();
    let times = sentAt.get(account);
    if (!times) {
      times = [];
      sentAt.set(account, times);
    }
    while (times.length > 0 && times[0]! <= at - span) times.shift();
    if (times.length < options.limit) {
      times.push(at);
      return 0;
    }
    return Math.max(1, times[0]! + span - at);
  }

  async function acquire(account: string): Promise<void> {
    for (;;) {
      const waitMs = tryAcquire(account);
      if (waitMs === 0) return;
      await sleep(waitMs);
    }
  }

  return { acquire, tryAcquire };
}
