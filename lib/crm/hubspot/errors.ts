// Translates what the HubSpot client throws into CrmRateLimitError,
// CrmTransientError or CrmPermanentError, keeping HubSpot's own message so the
// person fixing a permanent failure reads what HubSpot said.
import { CrmError, CrmPermanentError, CrmRateLimitError, CrmTransientError } from "@/lib/crm/errors";

/** Which HubSpot budget a request draws on; a 429 on search waits 1 s, others 10 s. */
export type HubSpotRequestKind = "standard" | "search";

const RATE_LIMIT_WINDOW_MS: Record<HubSpotRequestKind, number> = { standard: 10_000, search: 1_000 };

/** Thrown by our socket deadline; see gateway.ts. */
export class HubSpotTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`HubSpot did not answer within ${timeoutMs} ms`);
    this.name = "HubSpotTimeoutError";
  }
}

/** The shape of @hubspot/api-client's ApiException (one class per codegen'd module). */
interface HubSpotApiException {
  code: number;
  body: unknown;
  headers: Record<string, string>;
}

function isApiException(error: unknown): error is HubSpotApiException {
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "number"
    && "body" in error && "headers" in error;
}

function hubSpotMessage(body: unknown): string | undefined {
  if (typeof body === "object" && body !== null && typeof (body as { message?: unknown }).message === "string") {
    return (body as { message: string }).message;
  }
  return typeof body === "string" && body.length > 0 ? body.slice(0, 500) : undefined;
}

/** Retry-After is seconds or an HTTP date; either becomes milliseconds from now. */
export function parseRetryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function toCrmError(error: unknown, kind: HubSpotRequestKind): CrmError {
  if (error instanceof CrmError) return error;
  if (error instanceof HubSpotTimeoutError) return new CrmTransientError(error.message, undefined, { cause: error });
  if (!isApiException(error)) {
    // Network failures (refused, reset, DNS) and unparseable answers: worth another try.
    const message = error instanceof Error ? error.message : String(error);
    return new CrmTransientError(`HubSpot could not be reached: ${message}`, undefined, { cause: error });
  }
  const status = error.code;
  const message = hubSpotMessage(error.body) ?? `HubSpot answered HTTP ${status}`;
  if (status === 429) {
    const retryAfterMs = parseRetryAfterMs(error.headers["retry-after"]) ?? RATE_LIMIT_WINDOW_MS[kind];
    return new CrmRateLimitError(`HubSpot rate limit: ${message}`, retryAfterMs, { cause: error });
  }
  if (status >= 500 || status === 408) return new CrmTransientError(`HubSpot failed: ${message}`, status, { cause: error });
  if (status === 401 || status === 403) {
    return new CrmPermanentError(`HubSpot refused the access token (HTTP ${status}): ${message}`, status, { cause: error });
  }
  return new CrmPermanentError(message, status, { cause: error });
}

/** The contact id in HubSpot's 409 "Contact already exists. Existing ID: 123", if this is one. */
export function existingContactId(error: unknown): string | undefined {
  if (!(error instanceof CrmPermanentError) || error.status !== 409) return undefined;
  return /Existing ID: (\d+)/.exec(error.reason)?.[1];
}
