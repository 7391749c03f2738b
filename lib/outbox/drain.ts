// Runs due outbox work through the same services the Inngest functions call,
// until nothing due is left: `npm run -s jobs:drain` for operators when no
// Inngest server is reachable, and the development server's background loop.
import { claimDue, completeItem, failItem, type OutboxItem, type OutboxKind } from "./outbox";

export type OutboxHandler = {
  run(item: OutboxItem): Promise<void>;
  /** Called once when the item is given up on, to show the failure to people. */
  onGiveUp?(item: OutboxItem, reason: string): Promise<void>;
};
export type OutboxHandlers = Partial<Record<OutboxKind, OutboxHandler>>;

/** Thrown by a handler for work that will never succeed (shown to people, not retried). */
export class PermanentFailure extends Error {
  override name = "PermanentFailure";
}

/** Thrown by a handler for work to try again later (a CRM's rate limit). */
export class RetryLater extends Error {
  override name = "RetryLater";
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}

/** What an error means for the outbox item that raised it. */
export function failureOf(error: unknown): { message: string; permanent?: boolean; retryAfterMs?: number } {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof PermanentFailure) return { message, permanent: true };
  if (error instanceof RetryLater) return { message, retryAfterMs: error.retryAfterMs };
  return { message };
}

export type DrainSummary = {
  claimed: number;
  done: number;
  retrying: number;
  failed: number;
  byKind: Partial<Record<OutboxKind, { done: number; retrying: number; failed: number }>>;
  errors: { id: string; kind: OutboxKind; error: string }[];
};

export async function drainOutbox(options: {
  handlers: OutboxHandlers;
  worker: string;
  batchSize?: number;
  now?: () => Date;
}): Promise<DrainSummary> {
  const now = options.now ?? (() => new Date());
  const kinds = Object.keys(options.handlers) as OutboxKind[];
  const summary: DrainSummary = { claimed: 0, done: 0, retrying: 0, failed: 0, byKind: {}, errors: [] };
  for (;;) {
    const items = await claimDue(options.worker, options.batchSize ?? 20, now(), kinds);
    if (items.length === 0) return summary;
    summary.claimed += items.length;
    for (const item of items) {
      const tally = (summary.byKind[item.kind] ??= { done: 0, retrying: 0, failed: 0 });
      try {
        await options.handlers[item.kind]!.run(item);
        await completeItem(item.id, options.worker);
        summary.done += 1;
        tally.done += 1;
      } catch (error) {
        const failure = failureOf(error);
        const status = await failItem(item, options.worker, failure, now());
        summary.errors.push({ id: item.id, kind: item.kind, error: failure.message });
        if (status === "failed") {
          await options.handlers[item.kind]!.onGiveUp?.(item, failure.message);
          summary.failed += 1;
          tally.failed += 1;
        } else {
          summary.retrying += 1;
          tally.retrying += 1;
        }
      }
    }
  }
}
