// POST /api/v1/invitations {email, role}: invites a person to the active
// workspace. Answers 201 {invitation, path, emailed}: `path` is the one-time
// link to copy (emailed too when SMTP is configured). The same answer whether
// or not the email has an account anywhere. Admins only.
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/body";
import { withWorkspace } from "@/lib/http/route";
import { inviteMember, listPendingInvitations } from "@/lib/workspaces/invitations";

const invitationBody = z.object({
  email: z.email().max(320),
  role: z.enum(ROLES),
  // Said plainly to clients of the old "add member with a password" call.
  password: z.undefined({ error: "admins do not choose passwords: the person sets their own through the invitation link" }).optional(),
});

export const GET = withWorkspace(async (_request, { principal }) => Response.json({ invitations: await listPendingInvitations(principal.workspaceId) }), { role: "admin" });

export const POST = withWorkspace(
  async (request, { principal }) => {
    if (principal.kind !== "member") throw new AppError("forbidden", "Only people invite members.");
    const body = await readJsonBody(request, invitationBody, 10_000);
    return Response.json(await inviteMember(principal, { email: body.email, role: body.role }), { status: 201 });
  },
  { role: "admin" },
);
