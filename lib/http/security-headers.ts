// The security headers every response carries, in one place: proxy.ts sends
// the fixed ones on every path, each page's Content-Security-Policy with a
// fresh nonce (Next.js puts that nonce on the scripts it renders, so no inline
// script runs without it) and the API's data-only policy.
// Pure: no environment reads; callers say whether this is production.

export type HeaderPair = { key: string; value: string };

/** The page policy: scripts only with this response's nonce (and what they load), no framing, no plugins. */
export function pageContentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': chunks loaded by a nonced script are trusted; React's dev tooling needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    // React style attributes and Next's dev overlay use inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** API responses are data, never documents: nothing may load or frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Headers for every response. HSTS only in production (a plain-http dev server must stay reachable). */
export function commonSecurityHeaders(options: { production: boolean }): HeaderPair[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    // Invitation and reset links carry tokens in their paths: never send them to another site.
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    ...(options.production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000" }] : []),
  ];
}

/** A nonce for one response: 128 random bits. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
