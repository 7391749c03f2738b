// How an Inngest function works one outbox item: wait until it is due, claim it
// (so jobs:drain never does the same work), run the service steps, then mark it
// done; a permanent failure is recorded for people to see and not retried, a
// rate limit waits as long as the vendor asks.
import { NonRetriableError, RetryAfterError } from "inngest";
import { db } from "@/lib/db/client";
import { PermanentFailure, RetryLater, type OutboxHandler } from "@/lib/outbox/drain";
import { claimItem, completeItem, failItem, type OutboxItem } from "@/lib/outbox/outbox";
import { outboxEventData } from "./events";

/** The part of an Inngest function's context this needs (kept small for tests). */
type StepTools = {
  run<T>(id: string, fn: () => Promise<T>): Promise<unknown>;
  sleepUntil(id: string, time: Date | string): Promise<unknown>;
};

const MAX_WAITS = 5;

type StepOutcome<T> = { ok: true; value: T } | { ok: false; permanentFailure: string };

/**
 * Runs service work as one step, in our failure words: a rate limit waits as
 * long as the vendor asks (RetryAfterError), a transient error is retried by
 * Inngest, and a permanent failure is returned from the step (not thrown
 * inside it, where Inngest would wrap it) and raised here as PermanentFailure.
 */
export async function serviceStep<T>(step: StepTools, id: string, work: () => Promise<T>, toOutboxFailure: (error: unknown) => unknown = (error) => error): Promise<T> {
  const outcome = (await step.run(id, async (): Promise<StepOutcome<T>> => {
    try {
      return { ok: true, value: await work() };
    } catch (raw) {
      const error = toOutboxFailure(raw);
      if (error instanceof PermanentFailure) return { ok: false, permanentFailure: error.message };
      if (error instanceof RetryLater) throw new RetryAfterError(error.message, error.retryAfterMs, { cause: error });
      throw error;
    }
  })) as StepOutcome<T>;
  if (!outcome.ok) throw new PermanentFailure(outcome.permanentFailure);
  return outcome.value;
}

export async function runOutboxItem<T>(
  context: { event: { data: unknown }; step: StepTools; runId: string },
  work: (item: OutboxItem) => Promise<T>,
  onGiveUp?: OutboxHandler["onGiveUp"],
): Promise<T | { skipped: string }> {
  const { outboxItemId } = outboxEventData.parse(context.event.data);
  const worker = `inngest:${context.runId}`;
  const { step } = context;

  for (let wait = 0; wait < MAX_WAITS; wait++) {
    const due = (await step.run(`check-due-${wait}`, async () => {
      const row = await db().outboxItem.findUnique({ where: { id: outboxItemId }, select: { status: true, availableAt: true } });
      return row ? { status: row.status, availableAt: row.availableAt.toISOString() } : null;
    })) as { status: string; availableAt: string } | null;
    if (!due || due.status !== "pending" || new Date(due.availableAt) <= new Date()) break;
    // Debounced work (new messages pushed it later): sleep, then look again.
    await step.sleepUntil(`wait-until-due-${wait}`, due.availableAt);
  }

  // The claim is memoized with the worker name it used: later executions of this
  // run (one per step) must complete the item under that same name.
  const claimed = (await step.run("claim", async () => {
    const item = await claimItem(outboxItemId, worker);
    return item ? { ...item, availableAt: item.availableAt.toISOString(), worker } : null;
  })) as (Omit<OutboxItem, "availableAt"> & { availableAt: string; worker: string }) | null;
  if (!claimed) return { skipped: "done already, claimed by another worker, or not due" };
  const { worker: claimedBy, ...rest } = claimed;
  const item: OutboxItem = { ...rest, availableAt: new Date(claimed.availableAt) };

  try {
    const result = await work(item);
    await step.run("complete", () => completeItem(item.id, claimedBy));
    return result;
  } catch (error) {
    if (error instanceof PermanentFailure) {
      const reason = error.message;
      await step.run("record-failure", async () => {
        await failItem(item, claimedBy, { message: reason, permanent: true });
        await onGiveUp?.(item, reason);
      });
      throw new NonRetriableError(reason, { cause: error });
    }
    throw error;
  }
}
