// GET /api/v1/crm/mapping: the mapping in force and what the connected account
// offers (deal pipelines with stages, contact text properties). PUT {dealPipelineId,
// dealStageId, scoreProperties, overwriteFields}: saves it, checked against the
// account (422 names each wrong field). Admins only.
import { auditActor } from "@/lib/auth/principal";
import { crmMappingSchema } from "@/lib/crm/mapping";
import { crmMappingOptions, saveCrmMapping } from "@/lib/crm/mapping-settings";
import { readJsonBody } from "@/lib/http/body";
import { withWorkspace } from "@/lib/http/route";

export const GET = withWorkspace(async (_request, { principal }) => Response.json(await crmMappingOptions(principal.workspaceId)), { role: "admin" });

export const PUT = withWorkspace(
  async (request, { principal }) => {
    const mapping = await readJsonBody(request, crmMappingSchema, 10_000);
    return Response.json({ mapping: await saveCrmMapping(principal.workspaceId, mapping, auditActor(principal)) });
  },
  { role: "admin" },
);
