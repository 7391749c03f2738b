// DELETE /api/v1/invitations/:id: revokes a pending invitation (its link stops
// working). Admins only; another workspace's invitation is 404.
import { AppError } from "@/lib/errors";
import { recordId } from "@/lib/http/params";
import { withWorkspace } from "@/lib/http/route";
import { revokeInvitation } from "@/lib/workspaces/invitations";

export const DELETE = withWorkspace<{ id: string }>(
  async (_request, { principal, params }) => {
    if (principal.kind !== "member") throw new AppError("forbidden", "Only people manage invitations.");
    await revokeInvitation(principal, recordId(params.id, "Invitation"));
    return new Response(null, { status: 204 });
  },
  { role: "admin" },
);
