// What a failure means for background work, in one vocabulary both runners
// share: stop and tell a person (permanent), wait as long as asked without
// using up an attempt (wait), try again after a backoff (transient), or stop
// at once because another runner took the work over (claim lost). Services
// throw their own errors; any error that says `retryable: false` is permanent
// and any that carries `retryAfterMs` asks for a wait (CrmError and AppError
// say so), so this module needs to know no domain.

export type FailureKind = "permanent" | "wait" | "transient" | "claim_lost";

/** A failure as the runners record it; plain data, so an Inngest step can return it. */
export type Failure = { kind: FailureKind; message: string; retryAfterMs?: number };

/** Thrown by a job for work that will never succeed as it is; the message is shown to people. */
export class PermanentFailure extends Error {
  override name = "PermanentFailure";
  readonly retryable = false;
}

/** Thrown by a job for work that must wait (a vendor's rate limit, not due yet); the attempt is not counted. */
export class RetryLater extends Error {
  override name = "RetryLater";
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}

/** A failure crossing a runner's step boundary, rebuilt on the other side. */
export class JobFailure extends Error {
  override name = "JobFailure";
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

/** Another runner holds the work now: this run must stop without another side effect. */
export function claimLost(message: string): JobFailure {
  return new JobFailure({ kind: "claim_lost", message });
}

export function failureOf(error: unknown): Failure {
  if (error instanceof JobFailure) return error.failure;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof error === "object" && error !== null) {
    if ((error as { retryable?: unknown }).retryable === false) return { kind: "permanent", message };
    const retryAfterMs = (error as { retryAfterMs?: unknown }).retryAfterMs;
    if (typeof retryAfterMs === "number" && Number.isFinite(retryAfterMs)) return { kind: "wait", message, retryAfterMs: Math.max(0, retryAfterMs) };
  }
  return { kind: "transient", message };
}

export const isPermanent = (error: unknown): boolean => failureOf(error).kind === "permanent";
