// Calls route handlers the way Next.js does (a Request and a params promise),
// as a browser with a session cookie or a machine with an API key.
import { readSessionToken } from "@/lib/auth/cookies";
import { findSession } from "@/lib/auth/sessions";
import { WORKSPACE_HEADER } from "@/lib/http/workspace-header";

export const BASE_URL = "http://app.test";

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

export type CallOptions = {
  method?: string;
  body?: unknown;
  form?: Record<string, string>;
  /** A session cookie ("lb_session=..."). */
  cookie?: string;
  /** An API key, sent as Bearer. */
  key?: string;
  /** Defaults to our own origin for cookie requests; pass null to omit it. */
  origin?: string | null;
  params?: Record<string, string>;
  headers?: Record<string, string>;
  /**
   * The workspace the calling page was rendered for (X-Workspace-Id). Default for
   * cookie requests: the session's active workspace, as a freshly loaded page
   * sends it; null omits the header.
   */
  workspace?: string | null;
};

async function pageWorkspace(options: CallOptions): Promise<string | null> {
  if (options.workspace !== undefined) return options.workspace;
  if (!options.cookie) return null;
  return (await findSession(readSessionToken(options.cookie)))?.activeWorkspaceId ?? null;
}

export async function call(handler: unknown, path: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  const origin = options.origin === undefined ? BASE_URL : options.origin;
  if (origin) headers.origin = origin;
  const workspace = await pageWorkspace(options);
  if (workspace) headers[WORKSPACE_HEADER] = workspace;
  let body: string | undefined;
  if (options.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(options.form).toString();
  } else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  const request = new Request(`${BASE_URL}${path}`, { method: options.method ?? "GET", headers, body });
  return (handler as Handler)(request, { params: Promise.resolve((options.params ?? {}) as never) });
}

/** The session cookie from a response's Set-Cookie, ready to send back. */
export function sessionCookieFrom(response: Response): string {
  const header = response.headers.get("set-cookie") ?? "";
  const pair = header.split(";")[0] ?? "";
  if (!pair.startsWith("lb_session=") || pair === "lb_session=") throw new Error(`no session cookie in: ${header}`);
  return pair;
}
