// POST /api/auth/password-reset (the form on /password-reset: email). Answers
// the same redirect whether or not the email has an account, before any email
// is sent (lib/auth/password-changes.ts requestPasswordReset runs after the
// response), so neither the answer nor its timing tells accounts apart.
import { z } from "zod";
import { requestPasswordReset } from "@/lib/auth/password-changes";
import { assertSameOriginMutation } from "@/lib/auth/origin";
import { redirectTo } from "@/lib/auth/signed-in-response";
import { readFormBody } from "@/lib/http/body";
import { problemFromError } from "@/lib/http/problem";
import { logger } from "@/lib/log";

const email = z.email().max(320);

export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOriginMutation(request);
    const form = await readFormBody(request, 2_000);
    const parsed = email.safeParse(form.get("email")?.trim());
    if (!parsed.success) return redirectTo("/password-reset?error=email");
    // Not awaited: the answer goes out before the lookup and the email (a long-running server finishes it).
    void requestPasswordReset(parsed.data).catch((error: unknown) => logger.error({ err: error }, "password reset request failed"));
    return redirectTo("/password-reset?sent=1");
  } catch (error) {
    return problemFromError(error);
  }
}
