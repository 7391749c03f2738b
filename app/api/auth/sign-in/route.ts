// POST /api/auth/sign-in: email + password -> a session cookie. The sign-in
// form posts here (form-encoded; answered with a redirect to a path on this
// site); API clients and tests send JSON (answered with JSON or problem+json).
// The body is bounded, the client address comes from lib/http/client-ip.ts,
// and a browser that signs in is remembered as a known device for the account.
import { z } from "zod";
import { readSessionToken } from "@/lib/auth/cookies";
import { knownDevice } from "@/lib/auth/devices";
import { assertSameOriginMutation } from "@/lib/auth/origin";
import { endSession } from "@/lib/auth/sessions";
import { normalizeEmail, signIn } from "@/lib/auth/sign-in";
import { jsonWithCookies, redirectTo, sessionSetCookies } from "@/lib/auth/signed-in-response";
import { AppError } from "@/lib/errors";
import { readFormBody, readJsonBody } from "@/lib/http/body";
import { clientIp } from "@/lib/http/client-ip";
import { problemFromError } from "@/lib/http/problem";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

// An email, a password and a path fit in far less; anything bigger is not a sign-in.
const BODY_LIMIT_BYTES = 10_000;

const signInBody = z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(1000) });

/** Signs in; a session the browser held before (perhaps planted) is ended. Returns the cookies to set. */
async function startSession(request: Request, credentials: z.infer<typeof signInBody>) {
  const deviceId = knownDevice(request.headers, normalizeEmail(credentials.email));
  const session = await signIn({ ...credentials, ip: clientIp(request.headers), userAgent: request.headers.get("user-agent"), deviceId });
  const previous = readSessionToken(request.headers);
  if (previous) await endSession(previous);
  return { session, cookies: sessionSetCookies(request.headers, session) };
}

export async function POST(request: Request): Promise<Response> {
  const isForm = (request.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded");
  try {
    assertSameOriginMutation(request);
    if (isForm) {
      const form = await readFormBody(request, BODY_LIMIT_BYTES);
      const parsed = signInBody.safeParse({ email: form.get("email"), password: form.get("password") });
      if (!parsed.success) return redirectTo("/sign-in?error=invalid");
      try {
        const { cookies } = await startSession(request, parsed.data);
        return redirectTo(safeRedirectPath(form.get("next")), cookies);
      } catch (error) {
        if (error instanceof AppError && (error.code === "unauthorized" || error.code === "rate_limited" || error.code === "unavailable")) {
          return redirectTo(`/sign-in?error=${error.code === "unauthorized" ? "invalid" : error.code}`);
        }
        throw error;
      }
    }
    const body = await readJsonBody(request, signInBody, BODY_LIMIT_BYTES);
    const { session, cookies } = await startSession(request, body);
    return jsonWithCookies({ userId: session.userId, expiresAt: session.expiresAt.toISOString() }, cookies);
  } catch (error) {
    return problemFromError(error);
  }
}
