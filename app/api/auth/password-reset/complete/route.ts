// POST /api/auth/password-reset/complete (the form on /password-reset/<token>:
// token, password). Sets the new password once, ends every session of the
// person, and signs this browser in; errors go back to the page to explain.
import { completePasswordReset } from "@/lib/auth/password-changes";
import { assertSameOriginMutation } from "@/lib/auth/origin";
import { redirectTo, sessionSetCookies } from "@/lib/auth/signed-in-response";
import { isTokenShaped } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { readFormBody } from "@/lib/http/body";
import { clientIp } from "@/lib/http/client-ip";
import { problemFromError } from "@/lib/http/problem";

export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOriginMutation(request);
    const form = await readFormBody(request, 10_000);
    const token = form.get("token");
    if (!isTokenShaped(token)) return redirectTo("/password-reset?error=link");
    try {
      const session = await completePasswordReset(token, { newPassword: form.get("password") ?? "", ip: clientIp(request.headers), userAgent: request.headers.get("user-agent") });
      return redirectTo("/queue", sessionSetCookies(request.headers, session));
    } catch (error) {
      if (error instanceof AppError && error.code === "validation_failed") return redirectTo(`/password-reset/${token}?error=password`);
      if (error instanceof AppError && error.code === "not_found") return redirectTo("/password-reset?error=link");
      throw error;
    }
  } catch (error) {
    return problemFromError(error);
  }
}
