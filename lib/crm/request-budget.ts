// One request budget per CRM account, shared by every process that calls the
// CRM (app instances, Inngest workers, jobs:drain): the send times of the
// account's requests in the last window live in PostgreSQL (crm_request_windows,
// one row per budget key). Taking a slot locks the rows, drops times that left
// the window and adds the new one when every budget has room; otherwise nothing
// is taken and the caller waits as long as the fullest budget asks. The
// database's clock is the one clock all processes share.
import { db } from "@/lib/db/client";
import { assertBudget, takeSlot, type RequestBudget } from "./rate-limit";

export type { RequestBudget } from "./rate-limit";

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Callers in one process take turns per set of budgets: the rows are locked
// anyway, and a burst must not hold a pooled connection per waiting request.
const turns = new Map<string, Promise<unknown>>();

function inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
  const result = (turns.get(key) ?? Promise.resolve()).then(work, work);
  const settled = result.catch(() => undefined);
  turns.set(key, settled);
  void settled.then(() => {
    if (turns.get(key) === settled) turns.delete(key);
  });
  return result;
}

/** Takes one slot in every budget now, or returns how long to wait (ms) and takes none. */
export async function tryTakeRequestSlot(budgets: readonly RequestBudget[]): Promise<number> {
  budgets.forEach(assertBudget);
  // Locked in key order, so two processes taking the same pair never deadlock.
  const keys = [...new Set(budgets.map((budget) => budget.key))].sort();
  return inTurn(keys.join("\n"), () => takeInTransaction(budgets, keys));
}

async function takeInTransaction(budgets: readonly RequestBudget[], keys: string[]): Promise<number> {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO crm_request_windows (budget_key) SELECT unnest(${keys}::text[]) ON CONFLICT (budget_key) DO NOTHING`;
    const rows = await tx.$queryRaw<{ budget_key: string; sent_at: (Date | string)[] | null; now: Date }[]>`
      SELECT budget_key, sent_at, clock_timestamp() AS now FROM crm_request_windows
       WHERE budget_key = ANY(${keys}::text[]) ORDER BY budget_key FOR UPDATE`;
    const now = new Date(rows[0]!.now).getTime();
    const windows = new Map(rows.map((row) => [row.budget_key, (row.sent_at ?? []).map((time) => new Date(time).getTime())]));
    const slot = takeSlot(windows, budgets, now);
    if (slot.waitMs > 0) return slot.waitMs;
    for (const [key, sentAt] of slot.sentAt) {
      await tx.$executeRaw`UPDATE crm_request_windows SET sent_at = ${sentAt.map((time) => new Date(time))}::timestamptz[] WHERE budget_key = ${key}`;
    }
    return 0;
  }, { maxWait: 10_000, timeout: 10_000 });
}

/** Resolves once one slot in every budget is taken (waiting as long as the budgets ask). */
export async function takeRequestSlot(budgets: readonly RequestBudget[], sleep = realSleep): Promise<void> {
  for (;;) {
    const waitMs = await tryTakeRequestSlot(budgets);
    if (waitMs === 0) return;
    await sleep(waitMs);
  }
}
