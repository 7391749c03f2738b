// GET /api/v1/crm/connection: the workspace's CRM account (never its token).
// PUT {provider: "hubspot", accessToken}: tests the token with a real read call
// and stores it sealed only if the CRM accepts it (422 with the CRM's words if
// not); {provider: "internal"} or DELETE: back to the internal CRM. Admins only.
import { auditActor } from "@/lib/auth/principal";
import { connectCrm, crmConnectInputSchema, crmConnectionView } from "@/lib/crm/connections";
import { readJsonBody } from "@/lib/http/body";
import { withWorkspace } from "@/lib/http/route";

export const GET = withWorkspace(async (_request, { principal }) => Response.json({ connection: await crmConnectionView(principal.workspaceId) }), { role: "admin" });

export const PUT = withWorkspace(
  async (request, { principal }) => {
    const input = await readJsonBody(request, crmConnectInputSchema, 10_000);
    return Response.json(await connectCrm(principal.workspaceId, input, auditActor(principal)));
  },
  { role: "admin" },
);

export const DELETE = withWorkspace(
  async (_request, { principal }) => Response.json(await connectCrm(principal.workspaceId, { provider: "internal" }, auditActor(principal))),
  { role: "admin" },
);
