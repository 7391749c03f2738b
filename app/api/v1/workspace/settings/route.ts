// GET /api/v1/workspace/settings (managers and admins): the workspace's settings.
// PATCH (admins): change any of them; 422 names each bad field; audited.
import { auditActor } from "@/lib/auth/principal";
import { readJsonBody } from "@/lib/http/body";
import { withWorkspace } from "@/lib/http/route";
import { updateWorkspaceSettings, workspaceSettings, workspaceSettingsSchema } from "@/lib/workspaces/settings";

export const GET = withWorkspace(async (_request, { principal }) => Response.json(await workspaceSettings(principal.workspaceId)), { role: "manager" });

export const PATCH = withWorkspace(
  async (request, { principal }) => {
    const settings = await readJsonBody(request, workspaceSettingsSchema);
    return Response.json(await updateWorkspaceSettings(principal.workspaceId, settings, auditActor(principal)));
  },
  { role: "admin" },
);
