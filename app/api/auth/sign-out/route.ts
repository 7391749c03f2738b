// POST /api/auth/sign-out: ends the session in the database and clears the
// cookie. The dashboard's sign-out form is redirected to /sign-in.
import { clearedSessionCookie, isHttps, readSessionToken } from "@/lib/auth/cookies";
import { assertSameOriginMutation } from "@/lib/auth/origin";
import { endSession } from "@/lib/auth/sessions";
import { problemFromError } from "@/lib/http/problem";

export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOriginMutation(request);
    const token = readSessionToken(request.headers);
    if (token) await endSession(token);
    const cookie = clearedSessionCookie(isHttps(request.headers));
    const wantsPage = (request.headers.get("accept") ?? "").includes("text/html");
    return wantsPage
      ? new Response(null, { status: 303, headers: { location: "/sign-in", "set-cookie": cookie } })
      : new Response(null, { status: 204, headers: { "set-cookie": cookie } });
  } catch (error) {
    return problemFromError(error);
  }
}
