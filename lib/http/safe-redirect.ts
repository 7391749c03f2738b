// Where a sign-in (or any flow with a `next` parameter) may send the browser:
// a path on this site, never another site. Browsers drop tabs and newlines from
// URLs and read "\" as "/", so "/\t/evil.example" or "/\\evil.example" would
// become "//evil.example" (another host): any control character or backslash,
// and anything that does not resolve to our own origin, falls back.
const PLACEHOLDER_ORIGIN = "http://leadbridge.invalid";
const MAX_LENGTH = 2_000;
// Control characters (C0, DEL, C1) and backslashes.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\\]/;

export function safeRedirectPath(value: unknown, fallback = "/queue"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  if (UNSAFE.test(value) || !value.startsWith("/") || value.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
