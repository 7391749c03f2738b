// GET /api/v1/workspaces: the workspaces the signed-in person belongs to, their
// role in each, and which one is active on this session.
import { withSignedIn } from "@/lib/http/route";
import { resolveMember } from "@/lib/auth/sessions";
import { readSessionToken } from "@/lib/auth/cookies";
import { workspacesOf } from "@/lib/workspaces/members";

export const GET = withSignedIn(async (request, { person }) => {
  const [workspaces, active] = await Promise.all([workspacesOf(person.userId), resolveMember(readSessionToken(request.headers))]);
  return Response.json({ activeWorkspaceId: active.workspaceId, workspaces });
});
