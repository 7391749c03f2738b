// The shape of a job: one definition per kind of background work (its payload
// schema, how it is batched and throttled, its steps, and what a person sees
// when it is given up on), run unchanged by both runners: the Inngest adapter
// (inngest/job-functions.ts) and the built-in runner behind `jobs:drain`
// (lib/jobs/drain.ts). The runners own claiming, leases, fencing, retries and
// give-up; a definition only says what the work is.
import type { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/db/client";
import { DEFAULT_MAX_ATTEMPTS, enqueue, enqueueMany } from "@/lib/outbox/outbox";

/** One piece of work as a job sees it: its outbox item, payload already checked. */
export type JobItem<P> = { id: string; workspaceId: string | null; attempts: number; payload: P };

export interface JobContext<P> {
  /** The items of this run: one, or up to `batch.maxSize` of one workspace. */
  readonly items: readonly JobItem<P>[];
  /**
   * Runs one named unit of work. Before it starts, the runner checks that it
   * still holds every open item (fencing) and renews their lease; while it
   * runs, the lease is renewed (heartbeat). Under Inngest it is a step, run
   * once and remembered. Its result must be plain JSON (dates as strings).
   * Every external side effect goes in its own step.
   */
  step<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Ends one item as done (a batch completes each item as soon as its work is through). */
  complete(item: JobItem<P>): Promise<void>;
  /** Ends one item as failed for good with `reason` (a batch's one bad item fails alone). */
  giveUp(item: JobItem<P>, reason: string): Promise<void>;
}

export interface JobSpec<P> {
  /** Stored as OutboxItem.kind; the Inngest event is `leadbridge/<kind>`. */
  kind: string;
  payload: z.ZodType<P>;
  /** Attempts before the item is failed (a wait for a rate limit is not an attempt). */
  maxAttempts?: number;
  /** Work several due items of one workspace in one run (e.g. one CRM batch request). */
  batch?: { maxSize: number };
  /** Under Inngest, runs start only as the workspace's CRM account's request budget allows. */
  crmRequestsPerRun?: number;
  /** Under Inngest, one run at a time per outbox item (a debounced item is sent more than once). */
  oneRunPerItem?: boolean;
  /**
   * The built-in runner claims this work before any other due work, even when it
   * was asked for during a pass (Inngest runs each function on its own anyway):
   * what people must see within seconds never waits behind a backlog.
   */
  firstInLine?: boolean;
  /**
   * The steps. Items not ended by `complete`/`giveUp` are completed when this
   * returns; when it throws, the runner retries or gives up on them (failures.ts).
   */
  run(context: JobContext<P>): Promise<void>;
  /** Shows people why an item was given up on (e.g. the lead's sync error); must be safe to repeat. */
  onGiveUp?(item: JobItem<P>, reason: string): Promise<void>;
}

type Tx = Prisma.TransactionClient | PrismaClient;

export type EnqueueOptions = { workspaceId: string | null; dedupeKey?: string; availableAt?: Date };

export interface JobDefinition<P> extends JobSpec<P> {
  readonly maxAttempts: number;
  /** Asks for this work inside the caller's transaction (payload checked now, not when it runs). */
  enqueue(tx: Tx, payload: P, options: EnqueueOptions): Promise<{ id: string }>;
  /** Asks for many pieces of this work at once (as `enqueue` each, in two statements). */
  enqueueMany(tx: Tx, requests: readonly ({ payload: P } & EnqueueOptions)[]): Promise<void>;
}

/** Any definition, whatever its payload (for registries and runners). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobDefinition = JobDefinition<any>;

/** The one item of a job that is not batched. */
export function onlyItem<P>(items: readonly JobItem<P>[]): JobItem<P> {
  if (items.length !== 1) throw new Error(`Expected one item, got ${items.length}`);
  return items[0]!;
}

export function defineJob<P extends Record<string, unknown>>(spec: JobSpec<P>): JobDefinition<P> {
  const maxAttempts = spec.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  return {
    ...spec,
    maxAttempts,
    enqueue: (tx, payload, options) =>
      enqueue(tx, { ...options, kind: spec.kind, payload: spec.payload.parse(payload) as Record<string, unknown>, maxAttempts }),
    enqueueMany: (tx, requests) =>
      enqueueMany(
        tx,
        spec.kind,
        requests.map(({ payload, ...options }) => ({ ...options, payload: spec.payload.parse(payload) as Record<string, unknown> })),
        maxAttempts,
      ),
  };
}
