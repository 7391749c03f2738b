// The dashboard's calls to our own API: JSON in and out, problem+json errors
// turned into ApiError with the server's words (shown to people as they are).
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    cache: "no-store",
  });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!response.ok) throw new ApiError(response.status, String(body.detail ?? `The request failed (HTTP ${response.status}).`), body);
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
