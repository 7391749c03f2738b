// PATCH /api/v1/members/:id {role}: changes a member's role.
// DELETE /api/v1/members/:id: removes them from the workspace. Admins only; the
// last admin can be neither demoted nor removed (409).
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/body";
import { recordId } from "@/lib/http/params";
import { withWorkspace } from "@/lib/http/route";
import { changeMemberRole, removeMember } from "@/lib/workspaces/members";

const memberRoleBody = z.object({ role: z.enum(ROLES) });

export const PATCH = withWorkspace<{ id: string }>(
  async (request, { principal, params }) => {
    if (principal.kind !== "member") throw new AppError("forbidden", "Only people manage members.");
    const membershipId = recordId(params.id, "Member");
    const body = await readJsonBody(request, memberRoleBody, 10_000);
    return Response.json({ member: await changeMemberRole(principal, membershipId, body.role) });
  },
  { role: "admin" },
);

export const DELETE = withWorkspace<{ id: string }>(
  async (_request, { principal, params }) => {
    if (principal.kind !== "member") throw new AppError("forbidden", "Only people manage members.");
    await removeMember(principal, recordId(params.id, "Member"));
    return new Response(null, { status: 204 });
  },
  { role: "admin" },
);
