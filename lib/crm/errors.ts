// The three ways a CRM call can fail, as the caller must react to them: wait and
// retry (rate limit), retry later (transient), or stop and tell a human
// (permanent). Every adapter throws only these, whatever its vendor says.

/** Base of every CRM failure; `retryable` tells a job whether another attempt can succeed. */
export abstract class CrmError extends Error {
  abstract readonly retryable: boolean;
  /** The vendor's HTTP status, when there was one. */
  readonly status: number | undefined;

  protected constructor(message: string, status: number | undefined, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
  }
}

/** The CRM refused the call because this account sent too much; retry after `retryAfterMs`. */
export class CrmRateLimitError extends CrmError {
  readonly retryable = true;
  readonly retryAfterMs: number;

  constructor(message: string, retryAfterMs: number, options?: { cause?: unknown }) {
    super(message, 429, options);
    this.name = "CrmRateLimitError";
    this.retryAfterMs = retryAfterMs;
  }
}

/** The CRM was down, slow or unreachable (5xx, timeout, network); the same call may succeed later. */
export class CrmTransientError extends CrmError {
  readonly retryable = true;

  constructor(message: string, status?: number, options?: { cause?: unknown }) {
    super(message, status, options);
    this.name = "CrmTransientError";
  }
}

/**
 * The CRM rejected the call and will reject it again (bad token, invalid field,
 * missing object). `reason` is for the person who has to fix it.
 */
export class CrmPermanentError extends CrmError {
  readonly retryable = false;
  readonly reason: string;

  constructor(reason: string, status?: number, options?: { cause?: unknown }) {
    super(reason, status, options);
    this.name = "CrmPermanentError";
    this.reason = reason;
  }
}
