// POST /api/v1/crm/mapping/preview: where the latest approved lead's fields would
// land under an unsaved mapping (same body as PUT /api/v1/crm/mapping), and
// what is wrong with it. Nothing is written. Admins only.
import { crmMappingSchema } from "@/lib/crm/mapping";
import { previewCrmMapping } from "@/lib/crm/mapping-settings";
import { readJsonBody } from "@/lib/http/body";
import { withWorkspace } from "@/lib/http/route";

export const POST = withWorkspace(
  async (request, { principal }) => Response.json(await previewCrmMapping(principal.workspaceId, await readJsonBody(request, crmMappingSchema, 10_000))),
  { role: "admin" },
);
