// One error type for everything a caller may be told about, with a code that
// maps to one HTTP status (lib/http/problem.ts). Anything else is unexpected:
// logged with an id, answered with a generic message.

export const errorStatus = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra members for the problem+json body (e.g. field errors). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  /** Whether the same call can succeed later; background work retries only these (lib/jobs/failures.ts). */
  get retryable(): boolean {
    return this.code === "rate_limited" || this.code === "unavailable";
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
