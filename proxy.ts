// Runs before every page: gives the page a Content-Security-Policy with a fresh
// nonce (lib/http/security-headers.ts; Next.js puts the nonce on its scripts),
// and sends page requests without a session cookie to /sign-in before
// rendering (an optimistic check: requireMember in each page is the real one).
import { NextResponse, type NextRequest } from "next/server";
import { hasSessionCookie } from "@/lib/auth/cookies";
import { env } from "@/lib/env";
import { newNonce, pageContentSecurityPolicy } from "@/lib/http/security-headers";

// Pages anyone may open signed out.
const PUBLIC_PAGES = ["/sign-in", "/invitations/", "/password-reset"];

function isPublic(pathname: string): boolean {
  return PUBLIC_PAGES.some((page) => pathname === page || pathname.startsWith(page.endsWith("/") ? page : `${page}/`));
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!isPublic(pathname) && !hasSessionCookie(request.cookies.getAll().map((cookie) => cookie.name))) {
    const url = request.nextUrl.clone();
    const next = `${pathname}${search}`;
    url.pathname = "/sign-in";
    url.search = next === "/" ? "" : `?next=${encodeURIComponent(next)}`;
    return NextResponse.redirect(url);
  }
  const policy = pageContentSecurityPolicy(newNonce(), { development: env().NODE_ENV === "development" });
  // Next.js reads the nonce from the request's policy header while rendering.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: not the API (it answers 401 itself and gets its headers from
  // next.config.ts), Next's static assets, or files.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.[a-z0-9]+$).*)"],
};
