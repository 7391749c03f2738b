// GET /api/v1/members: the active workspace's members and roles.
// POST /api/v1/members {email, role, password?}: adds a person (a new one needs
// an initial password). Admins only.
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/body";
import { withWorkspace } from "@/lib/http/route";
import { addMember, listMembers } from "@/lib/workspaces/members";

const newMemberBody = z.object({
  email: z.email().max(320),
  role: z.enum(ROLES),
  name: z.string().trim().max(200).optional(),
  password: z.string().min(1).max(200).optional(),
});

export const GET = withWorkspace(async (_request, { principal }) => Response.json({ members: await listMembers(principal.workspaceId) }), { role: "admin" });

export const POST = withWorkspace(
  async (request, { principal }) => {
    if (principal.kind !== "member") throw new AppError("forbidden", "Only people manage members.");
    const body = await readJsonBody(request, newMemberBody, 10_000);
    return Response.json({ member: await addMember(principal, body) }, { status: 201 });
  },
  { role: "admin" },
);
