// The Inngest runner of a job definition: waits until the run's items are due
// (an approval's undo window, a conversation's quiet period), claims them under
// the run's name, then runs the definition with Inngest steps (each step run
// once and remembered). Failures are decided as jobs:drain decides them
// (lib/jobs/run.ts): a retry is a new event sent when it is due, so Inngest's
// own retries only cover our bookkeeping (e.g. the database was unreachable).
import type { AnyJobDefinition } from "@/lib/jobs/definition";
import { failureOf, JobFailure, type Failure } from "@/lib/jobs/failures";
import { acceptClaimed, runJob, type RunOutcome, type StepBoundary } from "@/lib/jobs/run";
import { claimItems, markUndispatched, pendingDueTimes } from "@/lib/outbox/outbox";
import { jobEventData } from "./events";

/** The part of an Inngest function's context this needs (kept small for tests). */
export type StepTools = {
  run<T>(id: string, fn: () => Promise<T>): Promise<unknown>;
  sleepUntil(id: string, time: Date | string): Promise<unknown>;
};

/** Naps before a run hands items that keep moving later back to dispatch. */
const MAX_WAITS = 5;

/** The name a run claims under; an ended run's items are found by it (inngest/functions/release-ended-runs.ts). */
export const inngestWorker = (runId: string) => `inngest:${runId}`;

type StepOutcome<T> = { ok: true; value: T } | { ok: false; failure: Failure };

function inngestSteps(step: StepTools): StepBoundary {
  return {
    // A job's failure is the step's result, not its error: Inngest would retry
    // a thrown error itself, and the decision is the runner's (run.ts).
    async work<T>(name: string, fn: () => Promise<T>): Promise<T> {
      const outcome = (await step.run(name, async (): Promise<StepOutcome<T>> => {
        try {
          return { ok: true, value: await fn() };
        } catch (error) {
          return { ok: false, failure: failureOf(error) };
        }
      })) as StepOutcome<T>;
      if (!outcome.ok) throw new JobFailure(outcome.failure);
      return outcome.value;
    },
    async book<T>(name: string, fn: () => Promise<T>): Promise<T> {
      return (await step.run(name, fn)) as T;
    },
  };
}

export async function runJobInInngest(
  definition: AnyJobDefinition,
  context: { events: readonly { data: unknown }[]; step: StepTools; runId: string },
): Promise<RunOutcome | { skipped: string }> {
  const { step } = context;
  const ids = [...new Set(context.events.map((event) => jobEventData.parse(event.data).outboxItemId))];
  const worker = inngestWorker(context.runId);

  for (let wait = 0; ; wait++) {
    const dueAt = (await step.run(`check-due-${wait}`, async () => {
      const times = await pendingDueTimes(ids);
      return times.length > 0 ? new Date(Math.max(...times.map((time) => time.getTime()))).toISOString() : null;
    })) as string | null;
    if (!dueAt || new Date(dueAt) <= new Date()) break;
    if (wait === MAX_WAITS) {
      await step.run("hand-back-to-dispatch", () => markUndispatched(ids));
      return { skipped: "not due yet: sent again once due" };
    }
    await step.sleepUntil(`wait-until-due-${wait}`, dueAt);
  }

  // The claim is remembered with the name it was made under: every later
  // execution of this run must fence and complete under that same name.
  const steps = inngestSteps(step);
  const claimed = await steps.book("claim", async () => ({ worker, items: await acceptClaimed(definition, await claimItems(ids, worker), worker) }));
  if (claimed.items.length === 0) return { skipped: "done already, claimed by another runner, or not due" };
  return runJob(definition, claimed.items, { worker: claimed.worker, steps, now: () => new Date() });
}
