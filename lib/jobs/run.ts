// How a job's claimed items are worked, the same under both runners: each step
// is fenced (the claims are checked and renewed first) and heartbeated while
// it runs; items end done, retried after a backoff (or after the wait a rate
// limit asks for, which uses no attempt), or failed with the reason shown to
// people through the job's onGiveUp. A runner supplies only its step boundary
// (Inngest's memoized steps, or plain calls) and its name.
import { logger } from "@/lib/log";
import { CLAIM_LEASE_MS, completeItem, completeItems, releaseItem, renewClaims, type OutboxItem, type Release } from "@/lib/outbox/outbox";
import type { AnyJobDefinition, JobContext, JobItem } from "./definition";
import { claimLost, failureOf, type Failure } from "./failures";

/** A runner's step boundary. */
export interface StepBoundary {
  /** A job's own work: failures come back as JobFailure (data under Inngest). */
  work<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** The runner's bookkeeping (claim, complete, release): errors are the engine's to retry. */
  book<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export type Runner = {
  worker: string;
  steps: StepBoundary;
  now: () => Date;
  /** How often a working step renews its leases; HEARTBEAT_MS unless a test needs it sooner. */
  heartbeatMs?: number;
};

export type RunOutcome = {
  done: string[];
  retrying: string[];
  failed: string[];
  /** Set when the run stopped because another runner took its work over. */
  stopped?: string;
  errors: { id: string; error: string }[];
};

/** How often a working runner renews its leases. */
export const HEARTBEAT_MS = CLAIM_LEASE_MS / 3;

/** Exponential backoff with a cap: 30 s, 1 min, 2 min ... 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** What becomes of an item after a failure: pure, so both runners decide alike. */
export function releaseAfter(failure: Failure, item: { attempts: number }, maxAttempts: number, now: Date): Release {
  if (failure.kind === "permanent") return { status: "failed", error: failure.message };
  if (failure.kind === "wait") {
    return { status: "pending", availableAt: new Date(now.getTime() + (failure.retryAfterMs ?? 0)), attemptCounted: false, error: failure.message };
  }
  if (item.attempts >= maxAttempts) return { status: "failed", error: `Gave up after ${item.attempts} attempts: ${failure.message}` };
  return { status: "pending", availableAt: new Date(now.getTime() + retryDelayMs(item.attempts)), attemptCounted: true, error: failure.message };
}

/**
 * Shows people why an item was given up on. Its failure is logged, never
 * raised: the item ends failed either way, and a job whose onGiveUp cannot
 * run (its lead was deleted) must not stop the runner.
 */
async function tellPeople(definition: AnyJobDefinition, item: JobItem<unknown>, reason: string): Promise<void> {
  try {
    await definition.onGiveUp?.(item, reason);
  } catch (error) {
    logger.warn({ err: error, area: "jobs", kind: definition.kind, outboxItemId: item.id }, "could not show why work was given up");
  }
}

/** Ends a held item as failed, telling people why first. */
export async function giveUpItem(definition: AnyJobDefinition, item: JobItem<unknown>, worker: string, reason: string): Promise<boolean> {
  if (!(await renewClaims([item.id], worker)).has(item.id)) return false;
  await tellPeople(definition, item, reason);
  return releaseItem(item.id, worker, { status: "failed", error: reason });
}

/** Tells people why items were failed without a runner holding them (an expired last attempt). */
export async function announceGiveUp(definition: AnyJobDefinition, item: OutboxItem, reason: string): Promise<void> {
  const payload = definition.payload.safeParse(item.payload);
  if (payload.success) await tellPeople(definition, { ...item, payload: payload.data }, reason);
}

/**
 * The claimed items as the job sees them; an item whose payload the job cannot
 * read is failed at once (it would never succeed).
 */
export async function acceptClaimed(definition: AnyJobDefinition, claimed: readonly OutboxItem[], worker: string): Promise<JobItem<unknown>[]> {
  const accepted: JobItem<unknown>[] = [];
  for (const item of claimed) {
    const payload = definition.payload.safeParse(item.payload);
    if (payload.success) {
      accepted.push({ id: item.id, workspaceId: item.workspaceId, attempts: item.attempts, payload: payload.data });
    } else {
      await releaseItem(item.id, worker, { status: "failed", error: `Malformed ${definition.kind} payload: ${payload.error.issues[0]?.message ?? "invalid"}` });
    }
  }
  return accepted;
}

async function withHeartbeat<T>(ids: readonly string[], runner: Runner, work: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    renewClaims(ids, runner.worker, runner.now()).catch((error: unknown) => logger.warn({ err: error, area: "jobs" }, "lease renewal failed"));
  }, runner.heartbeatMs ?? HEARTBEAT_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

type Released = { retrying: string[]; failed: string[] };

async function releaseAfterFailure(definition: AnyJobDefinition, items: JobItem<unknown>[], runner: Runner, failure: Failure): Promise<Released> {
  const released: Released = { retrying: [], failed: [] };
  const now = runner.now();
  for (const item of items) {
    const release = releaseAfter(failure, item, definition.maxAttempts, now);
    if (release.status === "failed") {
      if (await giveUpItem(definition, item, runner.worker, release.error)) released.failed.push(item.id);
    } else if (await releaseItem(item.id, runner.worker, release)) {
      released.retrying.push(item.id);
    }
  }
  return released;
}

/** Works claimed items through a job's steps and ends each one. */
export async function runJob(definition: AnyJobDefinition, items: readonly JobItem<unknown>[], runner: Runner): Promise<RunOutcome> {
  const open = new Map(items.map((item) => [item.id, item]));
  const outcome: RunOutcome = { done: [], retrying: [], failed: [], errors: [] };
  const context: JobContext<unknown> = {
    items,
    step: (name, work) =>
      runner.steps.work(name, async () => {
        const ids = [...open.keys()];
        const held = await renewClaims(ids, runner.worker, runner.now());
        const lost = ids.filter((id) => !held.has(id));
        if (lost.length > 0) throw claimLost(`Another runner took over ${lost.join(", ")}; stopped before "${name}".`);
        return withHeartbeat(ids, runner, work);
      }),
    complete: async (item) => {
      await runner.steps.book(`complete-${item.id}`, () => completeItem(item.id, runner.worker, runner.now()));
      open.delete(item.id);
      outcome.done.push(item.id);
    },
    giveUp: async (item, reason) => {
      await runner.steps.book(`give-up-${item.id}`, () => giveUpItem(definition, item, runner.worker, reason));
      open.delete(item.id);
      outcome.failed.push(item.id);
      outcome.errors.push({ id: item.id, error: reason });
    },
  };
  try {
    await definition.run(context);
  } catch (error) {
    const failure = failureOf(error);
    if (failure.kind === "claim_lost") return { ...outcome, stopped: failure.message };
    const remaining = [...open.values()];
    const released = await runner.steps.book("record-failure", () => releaseAfterFailure(definition, remaining, runner, failure));
    outcome.retrying.push(...released.retrying);
    outcome.failed.push(...released.failed);
    outcome.errors.push(...remaining.map((item) => ({ id: item.id, error: failure.message })));
    return outcome;
  }
  // What the job did not end itself is done: all of it in one statement (a batch's items at once).
  const rest = [...open.keys()];
  if (rest.length === 1) await context.complete(open.get(rest[0]!)!);
  else if (rest.length > 1) {
    await runner.steps.book(`complete-${rest.length}-from-${rest[0]}`, () => completeItems(rest, runner.worker, runner.now()));
    outcome.done.push(...rest);
  }
  return outcome;
}
