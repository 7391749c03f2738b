// POST /api/v1/privacy/export {phone} | {email}: everything the active
// workspace holds about that person, as JSON (a subject access request).
// Admins only; audited without the data.
import { auditActor } from "@/lib/auth/principal";
import { readJsonBody } from "@/lib/http/body";
import { withWorkspace } from "@/lib/http/route";
import { exportPerson } from "@/lib/privacy/export";
import { personIdentifierSchema } from "@/lib/privacy/person";
import { currentWorkspaceOf } from "@/lib/workspaces/summary";

export const POST = withWorkspace(
  async (request, { principal }) => {
    const identifier = await readJsonBody(request, personIdentifierSchema, 10_000);
    const workspace = await currentWorkspaceOf(principal.workspaceId);
    return Response.json(await exportPerson(workspace, identifier, auditActor(principal)), { headers: { "content-disposition": 'attachment; filename="leadbridge-person-export.json"' } });
  },
  { role: "admin" },
);
