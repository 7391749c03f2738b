// PATCH /api/v1/workspace/settings (admins): product catalog, time zone, intent bands.
import { auditActor } from "@/lib/auth/principal";
import { readJsonBody } from "@/lib/http/body";
import { withWorkspace } from "@/lib/http/route";
import { updateWorkspaceSettings, workspaceSettingsSchema } from "@/lib/workspaces/settings";

export const PATCH = withWorkspace(
  async (request, { principal }) => {
    const settings = await readJsonBody(request, workspaceSettingsSchema);
    return Response.json(await updateWorkspaceSettings(principal.workspaceId, settings, auditActor(principal)));
  },
  { role: "admin" },
);
