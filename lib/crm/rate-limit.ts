// The sliding-window rule behind every CRM request budget: at most `limit`
// requests in any window of `windowMs` (plus a margin: our send times and the
// CRM's arrival times differ by network jitter, so an exact window can
// overshoot by one). Pure: the send times and the clock are given, so tests
// need no real time; lib/crm/request-budget.ts keeps the times in PostgreSQL.

export interface RequestBudget {
  /** Whose budget: a CRM account key, or a narrower one (its search budget). */
  key: string;
  limit: number;
  windowMs: number;
}

/** Extra spacing added to every window; see the header. */
export const BUDGET_MARGIN_MS = 250;

export function assertBudget(budget: RequestBudget): void {
  if (!Number.isInteger(budget.limit) || budget.limit < 1) throw new RangeError(`${budget.key}: limit must be a positive integer`);
  if (!(budget.windowMs > 0)) throw new RangeError(`${budget.key}: windowMs must be positive`);
}

/**
 * Where a budget stands at `now`: the send times still inside the window, and
 * how long until one more request may be sent (0: now).
 */
export function slidingWindow(sentAt: readonly number[], now: number, budget: RequestBudget): { kept: number[]; waitMs: number } {
  const span = budget.windowMs + BUDGET_MARGIN_MS;
  const kept = sentAt.filter((time) => time > now - span).sort((a, b) => a - b);
  if (kept.length < budget.limit) return { kept, waitMs: 0 };
  // The oldest request that must leave the window before one more fits.
  const mustLeave = kept[kept.length - budget.limit]!;
  return { kept, waitMs: Math.max(1, mustLeave + span - now) };
}

/**
 * Takes one slot in every budget at the same moment, or none: the wait is the
 * longest any of them asks for. (Taking them one after another would count the
 * request in the first budget earlier than it is really sent.)
 */
export function takeSlot(windows: ReadonlyMap<string, readonly number[]>, budgets: readonly RequestBudget[], now: number): { waitMs: number; sentAt: Map<string, number[]> } {
  const sentAt = new Map<string, number[]>();
  let waitMs = 0;
  for (const budget of budgets) {
    const window = slidingWindow(windows.get(budget.key) ?? [], now, budget);
    waitMs = Math.max(waitMs, window.waitMs);
    sentAt.set(budget.key, window.kept);
  }
  if (waitMs === 0) for (const times of sentAt.values()) times.push(now);
  return { waitMs, sentAt };
}
