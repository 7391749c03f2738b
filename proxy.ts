// Runs before every request: sends the security headers (lib/http/security-headers.ts)
// on every response, gives each page a Content-Security-Policy with a fresh
// nonce (Next.js puts the nonce on its scripts) and the API its data-only
// policy, and sends page requests without a session cookie to /sign-in before
// rendering (an optimistic check: requireMember in each page is the real one).
import { NextResponse, type NextRequest } from "next/server";
import { hasSessionCookie } from "@/lib/auth/cookies";
import { env } from "@/lib/env";
import { API_CONTENT_SECURITY_POLICY, commonSecurityHeaders, newNonce, pageContentSecurityPolicy } from "@/lib/http/security-headers";

// Pages anyone may open signed out.
const PUBLIC_PAGES = ["/sign-in", "/invitations/", "/password-reset"];

function isPublic(pathname: string): boolean {
  return PUBLIC_PAGES.some((page) => pathname === page || pathname.startsWith(page.endsWith("/") ? page : `${page}/`));
}

// Next's own assets and files (a name with an extension) are not pages.
const isAsset = (pathname: string) => pathname.startsWith("/_next/") || /\.[a-z0-9]+$/i.test(pathname);

function withCommonHeaders(response: NextResponse): NextResponse {
  for (const { key, value } of commonSecurityHeaders({ production: env().NODE_ENV === "production" })) response.headers.set(key, value);
  return response;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/")) {
    // The API answers 401 itself; its responses are data, never documents.
    const response = NextResponse.next();
    response.headers.set("content-security-policy", API_CONTENT_SECURITY_POLICY);
    return withCommonHeaders(response);
  }
  if (isAsset(pathname)) return withCommonHeaders(NextResponse.next());
  if (!isPublic(pathname) && !hasSessionCookie(request.cookies.getAll().map((cookie) => cookie.name))) {
    const url = request.nextUrl.clone();
    const next = `${pathname}${search}`;
    url.pathname = "/sign-in";
    url.search = next === "/" ? "" : `?next=${encodeURIComponent(next)}`;
    return withCommonHeaders(NextResponse.redirect(url));
  }
  const policy = pageContentSecurityPolicy(newNonce(), { development: env().NODE_ENV === "development" });
  // Next.js reads the nonce from the request's policy header while rendering.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return withCommonHeaders(response);
}

export const config = {
  // Every request: pages, the API and Next's assets all carry the security headers.
  matcher: ["/:path*"],
};
