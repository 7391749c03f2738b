// POST /api/auth/sign-in: email + password -> a session cookie. The sign-in
// form posts here (form-encoded; answered with a redirect); API clients and
// tests send JSON (answered with JSON or problem+json).
import { z } from "zod";
import { isHttps, readSessionToken, sessionCookie } from "@/lib/auth/cookies";
import { assertSameOriginMutation } from "@/lib/auth/origin";
import { endSession } from "@/lib/auth/sessions";
import { clientIp, signIn as signInWithPassword, type SignInRequest } from "@/lib/auth/sign-in";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/body";
import { problemFromError } from "@/lib/http/problem";

const signInBody = z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(1000) });

/** Only same-site paths, so the form cannot be used as an open redirect. */
function safeNext(value: FormDataEntryValue | null): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/queue";
}

/** A fresh session every time: one the browser held before (perhaps planted) is ended. */
async function signIn(request: Request, credentials: Omit<SignInRequest, "ip" | "userAgent">) {
  const session = await signInWithPassword({ ...credentials, ip: clientIp(request), userAgent: request.headers.get("user-agent") });
  const previous = readSessionToken(request.headers.get("cookie"));
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
      const form = await request.formData();
      const parsed = signInBody.safeParse({ email: form.get("email"), password: form.get("password") });
      if (!parsed.success) return redirect("/sign-in?error=invalid");
      try {
        const session = await signIn(request, parsed.data);
        return redirect(safeNext(form.get("next")), { "set-cookie": sessionCookie(session.token, session.expiresAt, isHttps(request)) });
      } catch (error) {
        if (error instanceof AppError && (error.code === "unauthorized" || error.code === "rate_limited")) {
          return redirect(`/sign-in?error=${error.code === "rate_limited" ? "rate_limited" : "invalid"}`);
        }
        throw error;
      }
    }
    const body = await readJsonBody(request, signInBody, 10_000);
    const session = await signIn(request, body);
    return Response.json(
      { userId: session.userId, expiresAt: session.expiresAt.toISOString() },
      { headers: { "set-cookie": sessionCookie(session.token, session.expiresAt, isHttps(request)) } },
    );
  } catch (error) {
    const response = problemFromError(error);
    if (error instanceof AppError && error.code === "rate_limited") response.headers.set("retry-after", String(error.details?.retryAfterSeconds ?? 900));
    return response;
  }
}
