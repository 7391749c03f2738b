// DELETE /api/v1/api-keys/:id: revokes a key of the active workspace (admins).
import { revokeApiKey } from "@/lib/auth/api-keys";
import { auditActor } from "@/lib/auth/principal";
import { recordId } from "@/lib/http/params";
import { withWorkspace } from "@/lib/http/route";

export const DELETE = withWorkspace<{ id: string }>(
  async (_request, { principal, params }) => {
    await revokeApiKey(principal.workspaceId, recordId(params.id, "API key"), auditActor(principal));
    return new Response(null, { status: 204 });
  },
  { role: "admin" },
);
