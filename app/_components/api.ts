// The browser's one client for our own API. Every dashboard call goes through
// apiFetch: same-origin (the session cookie and Origin go along), JSON in and
// out, the page's workspace in X-Workspace-Id (the server answers 409 when the
// session has since switched to another workspace), and problem+json errors
// turned into ApiError with the server's words (shown to people as they are).
import { WORKSPACE_HEADER, WORKSPACE_META_NAME } from "@/lib/http/workspace-header";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The problem+json body (`code`, `errors`, ...), or {} when there was none. */
    readonly body: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type ApiRequest = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
};

/** The workspace the current page was rendered for (the dashboard layout's <meta>), if any. */
export function pageWorkspaceId(): string | null {
  if (typeof document === "undefined") return null;
  return document.querySelector(`meta[name="${WORKSPACE_META_NAME}"]`)?.getAttribute("content") || null;
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Calls our API; resolves to the JSON body (undefined for 204), rejects with ApiError. */
export async function apiFetch<T>(path: string, init: ApiRequest = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  const workspaceId = pageWorkspaceId();
  if (workspaceId) headers[WORKSPACE_HEADER] = workspaceId;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(path, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    cache: "no-store",
    credentials: "same-origin",
    signal: init.signal,
  });
  const body = parseBody(await response.text());
  if (!response.ok) {
    const problem = body !== null && typeof body === "object" ? (body as Record<string, unknown>) : {};
    throw new ApiError(response.status, typeof problem.detail === "string" ? problem.detail : `The request failed (HTTP ${response.status}).`, problem);
  }
  return body as T;
}

/** A 422's messages by field path ("businessHours.closesAt"), to show beside each field. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.body.errors)) return {};
  const byPath: Record<string, string> = {};
  for (const item of error.body.errors as { path?: unknown; message?: unknown }[]) {
    if (typeof item.path === "string" && typeof item.message === "string") byPath[item.path] ??= item.message;
  }
  return byPath;
}
