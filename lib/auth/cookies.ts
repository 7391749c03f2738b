// The cookies LeadBridge sets: httpOnly, SameSite=Lax, Path=/. Over https they
// are `__Host-` cookies (Secure, no Domain: a sibling subdomain or a plain-http
// response cannot plant or overwrite them) and only that name is read. Over
// plain http (the local dev server, a production start on 127.0.0.1 without
// TLS) the same cookie goes without the prefix and Secure, which browsers would
// refuse there. A cookie that is malformed reads as absent, never as an error.
import { isTokenShaped } from "./tokens";

export const SESSION_COOKIE = "lb_session";

/** Anything with headers: a Request's, or Next's headers() in a page. */
export type HeaderSource = { get(name: string): string | null };

/**
 * True when the browser reached us over https: X-Forwarded-Proto as the nearest
 * proxy (or Next.js itself, from the TLS socket) set it.
 */
export function isHttps(headers: HeaderSource): boolean {
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/** A cookie's name on this scheme: `__Host-<base>` over https, `<base>` over http. */
export function cookieName(base: string, https: boolean): string {
  return https ? `__Host-${base}` : base;
}

// Our cookie values are base64url tokens (and dots between parts); nothing else is read.
const COOKIE_VALUE = /^[A-Za-z0-9_.-]{1,512}$/;

/** The value of our cookie `base` for the request's scheme, or null when absent or malformed. */
export function readCookie(headers: HeaderSource, base: string): string | null {
  const wanted = cookieName(base, isHttps(headers));
  const header = headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0 || part.slice(0, separator).trim() !== wanted) continue;
    const value = part.slice(separator + 1).trim();
    if (COOKIE_VALUE.test(value)) return value;
  }
  return null;
}

/** A Set-Cookie header for our cookie `base` (maxAgeSeconds 0 clears it). */
export function setCookie(base: string, value: string, options: { https: boolean; maxAgeSeconds: number }): string {
  const attributes = [`${cookieName(base, options.https)}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`];
  if (options.https) attributes.push("Secure");
  return attributes.join("; ");
}

/** The session token the request carries, or null. */
export function readSessionToken(headers: HeaderSource): string | null {
  const value = readCookie(headers, SESSION_COOKIE);
  return isTokenShaped(value) ? value : null;
}

export function sessionCookie(token: string, expiresAt: Date, https: boolean): string {
  return setCookie(SESSION_COOKIE, token, { https, maxAgeSeconds: (expiresAt.getTime() - Date.now()) / 1000 });
}

export function clearedSessionCookie(https: boolean): string {
  return setCookie(SESSION_COOKIE, "", { https, maxAgeSeconds: 0 });
}

/** True when the request carries a session cookie of either name (the proxy's early check; pages verify it). */
export function hasSessionCookie(cookieNames: string[]): boolean {
  return cookieNames.some((name) => name === SESSION_COOKIE || name === cookieName(SESSION_COOKIE, true));
}
