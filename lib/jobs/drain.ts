// The built-in runner: claims due work (earliest due first, work marked first
// in line before the rest; a batched job takes up to its batch of one
// workspace's due items), runs each job's definition
// with plain calls for steps, and repeats until nothing due is left. `runJobs`
// is the one entry point: `jobs:drain` runs it once, a worker process (and the
// development server without Inngest) runs it continuously. Safe beside
// Inngest and other runners: every item is claimed before it is worked.
import { logger } from "@/lib/log";
import { claimNextDue, CLAIM_LEASE_MS, earliestLeaseEnd, earliestRetryDue, listenForNewWork, type OutboxItem } from "@/lib/outbox/outbox";
import type { AnyJobDefinition } from "./definition";
import { failureOf, JobFailure } from "./failures";
import { takeBackExpiredWork } from "./recover";
import { runDuePeriodicWork } from "./periodic";
import { jobDefinitions } from "./registry";
import { acceptClaimed, runJob, type StepBoundary } from "./run";

type Tally = { done: number; retrying: number; failed: number };

export type DrainSummary = Tally & {
  claimed: number;
  /** Items whose run stopped because another runner took them over. */
  stopped: number;
  byKind: Record<string, Tally>;
  errors: { id: string; kind: string; error: string }[];
};

const emptySummary = (): DrainSummary => ({ claimed: 0, done: 0, retrying: 0, failed: 0, stopped: 0, byKind: {}, errors: [] });

// Step results go through JSON as they do under Inngest, so a job that relies
// on anything else fails here too, not only in production.
const throughJson = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** The built-in runner's steps: plain calls. */
export const directSteps: StepBoundary = {
  async work(_name, fn) {
    try {
      return throughJson(await fn());
    } catch (error) {
      throw new JobFailure(failureOf(error));
    }
  },
  async book(_name, fn) {
    return throughJson(await fn());
  },
};

/**
 * One pass: takes back expired claims, then runs everything due when the pass
 * started. Work retried during the pass is due later, so the pass ends.
 */
export async function drainDueWork(options: { worker: string; now?: () => Date; definitions?: readonly AnyJobDefinition[] }): Promise<DrainSummary> {
  const now = options.now ?? (() => new Date());
  const definitions = options.definitions ?? jobDefinitions;
  const kinds = definitions.map((definition) => definition.kind);
  const batchSizes = Object.fromEntries(definitions.flatMap((definition) => (definition.batch ? [[definition.kind, definition.batch.maxSize]] : [])));
  const firstKinds = definitions.filter((definition) => definition.firstInLine).map((definition) => definition.kind);
  const summary = emptySummary();
  const startedAt = now();
  await takeBackExpiredWork(startedAt, definitions);
  // Work first in line is taken as soon as it is due, even if asked for during this pass,
  // but not twice in a row while other work is due: a steady stream of it must not starve the rest.
  let firstInLineNext = firstKinds.length > 0;
  for (;;) {
    let claimed: OutboxItem[] = firstInLineNext ? await claimNextDue(options.worker, now(), firstKinds, batchSizes) : [];
    const tookFirstInLine = claimed.length > 0;
    if (!tookFirstInLine) claimed = await claimNextDue(options.worker, startedAt, kinds, batchSizes);
    if (claimed.length === 0) {
      if (!firstInLineNext && firstKinds.length > 0) {
        firstInLineNext = true;
        continue;
      }
      return summary;
    }
    firstInLineNext = firstKinds.length > 0 && !tookFirstInLine;
    const kind = claimed[0]!.kind;
    const definition = definitions.find((candidate) => candidate.kind === kind)!;
    const tally = (summary.byKind[kind] ??= { done: 0, retrying: 0, failed: 0 });
    summary.claimed += claimed.length;
    const items = await acceptClaimed(definition, claimed, options.worker);
    const malformed = claimed.length - items.length;
    const outcome = items.length > 0 ? await runJob(definition, items, { worker: options.worker, steps: directSteps, now }) : undefined;
    const counts = {
      done: outcome?.done.length ?? 0,
      retrying: outcome?.retrying.length ?? 0,
      failed: (outcome?.failed.length ?? 0) + malformed,
    };
    for (const key of ["done", "retrying", "failed"] as const) {
      summary[key] += counts[key];
      tally[key] += counts[key];
    }
    if (outcome?.stopped) summary.stopped += items.length - counts.done - counts.retrying - counts.failed;
    summary.errors.push(...(outcome?.errors ?? []).map((error) => ({ ...error, kind })));
  }
}

function addTo(total: DrainSummary, pass: DrainSummary): void {
  for (const key of ["claimed", "done", "retrying", "failed", "stopped"] as const) total[key] += pass[key];
  for (const [kind, tally] of Object.entries(pass.byKind)) {
    const into = (total.byKind[kind] ??= { done: 0, retrying: 0, failed: 0 });
    into.done += tally.done;
    into.retrying += tally.retrying;
    into.failed += tally.failed;
  }
  total.errors.push(...pass.errors);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done);
  });
}

/**
 * Running once, a retry due this soon (a rate limit's wait, 10 s for HubSpot)
 * is waited for, not left behind; a backoff (30 s and more) is not.
 */
export const ONCE_WAITS_FOR_DUE_MS = 15_000;

/**
 * The continuous runner's pause between passes: the poll interval, cut short
 * when work due now is announced (a webhook delivery waiting in the inbox), so
 * it starts within moments rather than at the next poll. Without the
 * announcement connection it is a plain pause.
 */
async function pauseUntilNewWork(signal?: AbortSignal) {
  let announced = false;
  let wake: (() => void) | undefined;
  const onNewWork = () => {
    announced = true;
    wake?.();
  };
  let listener: Awaited<ReturnType<typeof listenForNewWork>> | undefined;
  const listen = async () => {
    if (listener?.alive()) return;
    await listener?.close();
    listener = await listenForNewWork(onNewWork).catch((error: unknown) => {
      logger.warn({ err: error, area: "jobs" }, "cannot hear of new work; polling");
      return undefined;
    });
  };
  await listen();
  return {
    async pause(ms: number): Promise<void> {
      await listen();
      if (announced) {
        announced = false;
        return;
      }
      const stop = new AbortController();
      wake = () => stop.abort();
      const onAbort = () => stop.abort();
      signal?.addEventListener("abort", onAbort);
      await sleep(ms, stop.signal);
      signal?.removeEventListener("abort", onAbort);
      wake = undefined;
      announced = false;
    },
    close: async () => listener?.close(),
  };
}

export type RunJobsOptions = {
  /**
   * once: until nothing is due, waiting for a rate limit's short wait and
   * out the leases of runners that died (so their work is finished too);
   * continuously: pass after pass until `signal` aborts.
   */
  mode: "once" | "continuously";
  worker: string;
  signal?: AbortSignal;
  /** Between passes when running continuously. */
  pollMs?: number;
  /** Called after every pass that claimed something. */
  onPass?: (summary: DrainSummary) => void;
};

export async function runJobs(options: RunJobsOptions): Promise<DrainSummary> {
  const total = emptySummary();
  if (options.mode === "continuously") {
    const pauses = await pauseUntilNewWork(options.signal);
    try {
      for (;;) {
        // A pass that fails (the database restarting) is tried again after the pause.
        const claimed = await runDuePeriodicWork(new Date())
          .then(() => drainDueWork({ worker: options.worker }))
          .then((pass) => {
            addTo(total, pass);
            if (pass.claimed > 0) options.onPass?.(pass);
            return pass.claimed;
          })
          .catch((error: unknown) => {
            logger.warn({ err: error, area: "jobs" }, "background work pass failed");
            return 0;
          });
        if (options.signal?.aborted) return total;
        // Work that became due while the pass ran is taken at once; otherwise wait.
        if (claimed === 0) await pauses.pause(options.pollMs ?? 5_000);
      }
    } finally {
      await pauses.close();
    }
  }
  // Once: the periodic work first (e.g. notifications, whose webhooks this pass then delivers).
  await runDuePeriodicWork(new Date(), { force: true });
  let waitUntil: number | undefined;
  for (;;) {
    const pass = await drainDueWork({ worker: options.worker });
    addTo(total, pass);
    if (pass.claimed > 0) options.onPass?.(pass);
    if (options.signal?.aborted) return total;
    // Work done in the pass may have asked for more, due now (the inbox's
    // deliveries, once stored, ask for their extraction): another pass takes it.
    if (pass.claimed > 0) continue;
    // Nothing due now. Work still claimed is either in a live runner's hands
    // or was left by one that died: a dead runner's lease ends within one
    // lease, so that long is waited for. A rate limit's short wait is waited
    // for too; a backoff, or work not yet due for its own reasons (an undo window), is not.
    const kinds = jobDefinitions.map((definition) => definition.kind);
    const [leaseEnd, nextDue] = await Promise.all([earliestLeaseEnd(kinds), earliestRetryDue(kinds)]);
    const now = Date.now();
    waitUntil ??= now + CLAIM_LEASE_MS + 1_000;
    const wakeAt = Math.min(
      leaseEnd && now < waitUntil ? Math.min(leaseEnd.getTime() + 100, waitUntil) : Infinity,
      nextDue && nextDue.getTime() - now <= ONCE_WAITS_FOR_DUE_MS ? nextDue.getTime() : Infinity,
    );
    if (wakeAt === Infinity) return total;
    await sleep(Math.max(wakeAt - now, 200), options.signal);
  }
}
