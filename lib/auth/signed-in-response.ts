// The responses that start a browser's session (sign-in, accepting an
// invitation, a password change or reset): the session cookie plus the device
// cookie that marks the browser as one this person uses (lib/auth/devices.ts),
// as a redirect for the HTML forms or JSON for API clients.
import { isHttps, sessionCookie, type HeaderSource } from "./cookies";
import { deviceCookie, knownDevice } from "./devices";

export type StartedSession = { token: string; expiresAt: Date; email: string };

export function sessionSetCookies(requestHeaders: HeaderSource, session: StartedSession): string[] {
  const https = isHttps(requestHeaders);
  return [sessionCookie(session.token, session.expiresAt, https), deviceCookie(session.email, https, knownDevice(requestHeaders, session.email))];
}

/** 303 to `location` (a path on this site), setting `cookies`. */
export function redirectTo(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ location });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}

/** JSON `body`, setting `cookies`. */
export function jsonWithCookies(body: unknown, cookies: string[]): Response {
  const response = Response.json(body);
  for (const cookie of cookies) response.headers.append("set-cookie", cookie);
  return response;
}
