// GET /api/v1/members: the active workspace's members and roles, and its
// pending invitations. Admins only. People are added by invitation
// (POST /api/v1/invitations), never with a password an admin chose.
import { withWorkspace } from "@/lib/http/route";
import { listPendingInvitations } from "@/lib/workspaces/invitations";
import { listMembers } from "@/lib/workspaces/members";

export const GET = withWorkspace(
  async (_request, { principal }) => {
    const [members, invitations] = await Promise.all([listMembers(principal.workspaceId), listPendingInvitations(principal.workspaceId)]);
    return Response.json({ members, invitations });
  },
  { role: "admin" },
);
