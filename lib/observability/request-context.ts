// The request a line of log belongs to: its request id (the caller's
// X-Request-Id when it is a plain token, else a new UUID) and, once known, the
// workspace it acts in. Kept in AsyncLocalStorage so every log line written
// while handling the request carries both (lib/log.ts adds them), with no
// logger passed around.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

export type RequestContext = { requestId: string; workspaceId?: string };

const storage = new AsyncLocalStorage<RequestContext>();
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id for an incoming X-Request-Id header (absent or not a plain token: a new one). */
export function requestIdFrom(given: string | null | undefined): string {
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

/** The request id to use for an incoming request. */
export function requestIdFor(request: Request): string {
  return requestIdFrom(request.headers.get("x-request-id"));
}

/** Runs `work` as part of the request with this id (for edges that are not Web Requests). */
export function runInRequestContext<T>(requestId: string, work: () => Promise<T>): Promise<T> {
  return storage.run({ requestId }, work);
}

/** Runs `work` as part of the request; its response carries the id in X-Request-Id. */
export async function withRequestContext(request: Request, work: () => Promise<Response>): Promise<Response> {
  const context: RequestContext = { requestId: requestIdFor(request) };
  const response = await storage.run(context, work);
  try {
    response.headers.set("x-request-id", context.requestId);
  } catch {
    // Some responses (redirects) have immutable headers; the logs still carry the id.
  }
  return response;
}

/** Records the workspace the current request acts in (after authentication). */
export function setRequestWorkspace(workspaceId: string): void {
  const context = storage.getStore();
  if (context) context.workspaceId = workspaceId;
}

/** The current request's context, if the code runs inside one. */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
