// Sends outbox items to Inngest as events, earliest due first: right after a
// change commits (dispatchAfterResponse) and every minute (recover-and-dispatch)
// for what was missed. Only items due within the next minute are sent (their
// run sleeps the rest), so work scheduled for later never crowds out work due
// now; an item sent, due and still pending after RESEND_AFTER_MS was lost on
// the way and is sent again under a new event id. A failed send changes
// nothing: the next pass sends the same events again (same ids, de-duplicated).
// The Inngest client, the job registry and the CRM adapters are loaded only
// when Inngest is configured: the web server calls this after every webhook,
// and without an engine it should not hold every job's code.
import { inngestConfigured } from "@/lib/env";
import { logger } from "@/lib/log";
import { itemsToDispatch, markDispatched, type DispatchableItem } from "@/lib/outbox/outbox";
import { jobEventId, jobEventName, type JobEventData } from "./events";

/** Items due within this long are sent now; their run sleeps until due. */
export const DISPATCH_AHEAD_MS = 60_000;
/** Sent, due this long ago, and still not claimed: the event was lost. */
export const RESEND_AFTER_MS = 5 * 60_000;
const PAGE_SIZE = 200;
/** One pass sends at most this many pages; the next pass goes on. */
const MAX_PAGES = 50;

type AccountKeys = Map<string, Promise<string>>;

/** The CRM account of a workspace, looked up once per pass; a workspace whose CRM is misconfigured throttles alone. */
function crmAccountOf(workspaceId: string, accounts: AccountKeys): Promise<string> {
  let key = accounts.get(workspaceId);
  if (!key) {
    key = import("@/lib/crm/adapters")
      .then(({ crmAccountKeyFor }) => crmAccountKeyFor(workspaceId))
      .catch(() => `workspace:${workspaceId}`);
    accounts.set(workspaceId, key);
  }
  return key;
}

export async function jobEventDataOf(item: Pick<DispatchableItem, "id" | "kind" | "workspaceId">, accounts: AccountKeys = new Map()): Promise<JobEventData> {
  const { jobDefinition } = await import("@/lib/jobs/registry");
  const throttled = item.workspaceId && jobDefinition(item.kind)?.crmRequestsPerRun;
  return {
    outboxItemId: item.id,
    workspaceId: item.workspaceId,
    ...(throttled && item.workspaceId ? { crmAccount: await crmAccountOf(item.workspaceId, accounts) } : {}),
  };
}

export async function dispatchOutbox(options: { now?: Date } = {}): Promise<{ sent: number; error?: string }> {
  if (!inngestConfigured()) return { sent: 0, error: "no Inngest engine configured" };
  const now = options.now ?? new Date();
  const accounts: AccountKeys = new Map();
  let sent = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const items = await itemsToDispatch({
      dueBy: new Date(now.getTime() + DISPATCH_AHEAD_MS),
      resendBefore: new Date(now.getTime() - RESEND_AFTER_MS),
      limit: PAGE_SIZE,
    });
    if (items.length === 0) break;
    const events = await Promise.all(
      items.map(async (item) => ({ id: jobEventId(item.id, item.dispatchCount + 1), name: jobEventName(item.kind), data: await jobEventDataOf(item, accounts) })),
    );
    try {
      const { inngest } = await import("./client");
      await inngest.send(events);
    } catch (error) {
      return { sent, error: (error as Error).message };
    }
    await markDispatched(items.map((item) => item.id), now);
    sent += items.length;
    if (items.length < PAGE_SIZE) break;
  }
  return { sent };
}

/**
 * Dispatches what is due now, unawaited and best effort (the outbox keeps the
 * work and the scheduled pass sends whatever this misses): after a change
 * commits, once its answer is sent.
 */
export function dispatchInBackground(): void {
  dispatchOutbox()
    .then((dispatched) => {
      if (dispatched.error) logger.debug({ area: "jobs", reason: dispatched.error }, "outbox not dispatched");
    })
    .catch((error: unknown) => logger.warn({ err: error, area: "jobs" }, "outbox dispatch failed"));
}
