// POST /api/auth/invitations/accept (the invitation page's form: token, and for
// a new person password and name). Signed in as the invited email: joins the
// workspace and makes it active. Signed out: creates the person's account with
// the password they chose, joins, and signs them in. Answers with redirects:
// to /queue, or back to the invitation page with an error the page explains.
import { readSessionToken } from "@/lib/auth/cookies";
import { assertSameOriginMutation } from "@/lib/auth/origin";
import { createSession, findSession, switchActiveWorkspace } from "@/lib/auth/sessions";
import { redirectTo, sessionSetCookies } from "@/lib/auth/signed-in-response";
import { isTokenShaped } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { readFormBody } from "@/lib/http/body";
import { clientIp } from "@/lib/http/client-ip";
import { problemFromError } from "@/lib/http/problem";
import { acceptInvitationAsMember, acceptInvitationWithNewAccount } from "@/lib/workspaces/invitations";

const BODY_LIMIT_BYTES = 10_000;

/** The error codes the invitation page explains. */
function pageError(error: unknown): string | null {
  if (!(error instanceof AppError)) return null;
  const code = error.details?.code;
  if (typeof code === "string") return code;
  return error.code === "validation_failed" ? "password" : error.code === "unavailable" ? "unavailable" : null;
}

export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOriginMutation(request);
    if (!(request.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded")) {
      throw new AppError("unsupported_media_type", "Send the invitation form (application/x-www-form-urlencoded).");
    }
    const form = await readFormBody(request, BODY_LIMIT_BYTES);
    const token = form.get("token");
    if (!isTokenShaped(token)) throw new AppError("not_found", "This invitation link is not valid.", { code: "invitation_invalid" });
    try {
      const person = await findSession(readSessionToken(request.headers));
      if (person) {
        const { workspaceId } = await acceptInvitationAsMember(token, person);
        await switchActiveWorkspace(person, workspaceId);
        return redirectTo("/queue");
      }
      const joined = await acceptInvitationWithNewAccount(token, { password: form.get("password") ?? "", name: form.get("name")?.slice(0, 200) });
      const session = await createSession({ userId: joined.userId, activeWorkspaceId: joined.workspaceId, ip: clientIp(request.headers), userAgent: request.headers.get("user-agent") });
      return redirectTo("/queue", sessionSetCookies(request.headers, { ...session, email: joined.email }));
    } catch (error) {
      const code = pageError(error);
      if (code) return redirectTo(`/invitations/${token}?error=${code}`);
      throw error;
    }
  } catch (error) {
    return problemFromError(error);
  }
}
