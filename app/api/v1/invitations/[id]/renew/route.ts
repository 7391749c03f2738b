// POST /api/v1/invitations/:id/renew: a new one-time link for a pending
// invitation (the old link stops working), with a new expiry; emailed again
// when SMTP is configured. Answers {invitation, path, emailed}. Admins only.
import { AppError } from "@/lib/errors";
import { recordId } from "@/lib/http/params";
import { withWorkspace } from "@/lib/http/route";
import { renewInvitation } from "@/lib/workspaces/invitations";

export const POST = withWorkspace<{ id: string }>(
  async (_request, { principal, params }) => {
    if (principal.kind !== "member") throw new AppError("forbidden", "Only people manage invitations.");
    return Response.json(await renewInvitation(principal, recordId(params.id, "Invitation")));
  },
  { role: "admin" },
);
