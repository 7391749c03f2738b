// POST /api/auth/sign-in: email + password -> a session cookie. The sign-in
// form posts here (form-encoded; answered with a redirect); API clients and
// tests send JSON (answered with JSON or problem+json).
import { z } from "zod";
import { isHttps, readSessionToken, sessionCookie } from "@/lib/auth/cookies";
import { assertSameOriginMutation } from "@/lib/auth/origin";
import { endSession } from "@/lib/auth/sessions";
import { clientIp, signIn as signInWithPassword, type SignInRequest } from "@/lib/auth/sign-in";
import { AppError } from "@/lib/errors";
import { readFormBody, readJsonBody } from "@/lib/http/body";
import { problemFromError } from "@/lib/http/problem";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

// An email, a password and a path fit in far less; anything bigger is not a sign-in.
const BODY_LIMIT_BYTES = 10_000;

const signInBody = z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(1000) });

/** A fresh session every time: one the browser held before (perhaps planted) is ended. */
async function signIn(request: Request, credentials: Omit<SignInRequest, "ip" | "userAgent">) {
  const session = await signInWithPassword({ ...credentials, ip: clientIp(request), userAgent: request.headers.get("user-agent") });
  const previous = readSessionToken(request.headers);
  if (previous) await endSession(previous);
  return session;
}

function redirect(path: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { location: path, ...headers } });
}

export async function POST(request: Request): Promise<Response> {
  const isForm = (request.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded");
  try {
    assertSameOriginMutation(request);
    if (isForm) {
      const form = await readFormBody(request, BODY_LIMIT_BYTES);
      const parsed = signInBody.safeParse({ email: form.get("email"), password: form.get("password") });
      if (!parsed.success) return redirect("/sign-in?error=invalid");
      try {
        const session = await signIn(request, parsed.data);
        return redirect(safeRedirectPath(form.get("next")), { "set-cookie": sessionCookie(session.token, session.expiresAt, isHttps(request.headers)) });
      } catch (error) {
        if (error instanceof AppError && (error.code === "unauthorized" || error.code === "rate_limited")) {
          return redirect(`/sign-in?error=${error.code === "rate_limited" ? "rate_limited" : "invalid"}`);
        }
        throw error;
      }
    }
    const body = await readJsonBody(request, signInBody, BODY_LIMIT_BYTES);
    const session = await signIn(request, body);
    return Response.json(
      { userId: session.userId, expiresAt: session.expiresAt.toISOString() },
      { headers: { "set-cookie": sessionCookie(session.token, session.expiresAt, isHttps(request.headers)) } },
    );
  } catch (error) {
    const response = problemFromError(error);
    if (error instanceof AppError && error.code === "rate_limited") response.headers.set("retry-after", String(error.details?.retryAfterSeconds ?? 900));
    return response;
  }
}
