// The browser's one way to call our JSON API: same-origin fetch (the session
// cookie and Origin go along), problem+json details surfaced as errors.
export async function sendJson<T = unknown>(method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<T | null> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string };
    throw new Error(problem.detail ?? `The request failed (${response.status}).`);
  }
  return response.status === 204 ? null : ((await response.json()) as T);
}
