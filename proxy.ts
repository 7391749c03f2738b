// Sends page requests without a session cookie to /sign-in before rendering
// (an optimistic check: requireMember in each page is the real one).
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "@/lib/auth/cookies";

export function proxy(request: NextRequest) {
  if (request.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  const url = request.nextUrl.clone();
  const next = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  url.pathname = "/sign-in";
  url.search = next === "/" ? "" : `?next=${encodeURIComponent(next)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: not the API (it answers 401 itself), Next's assets, or the sign-in page.
  matcher: ["/((?!api/|_next/|sign-in|favicon.ico|.*\\.[a-z0-9]+$).*)"],
};
