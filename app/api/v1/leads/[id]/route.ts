// GET /api/v1/leads/{id}: a lead with its transcript, duplicates, scores, CRM links and audit log.
import { withWorkspace } from "@/lib/http/route";
import { recordId } from "@/lib/http/params";
import { leadDetail } from "@/lib/leads/detail";

export const GET = withWorkspace<{ id: string }>(
  async (_request, { principal, params }) => Response.json(await leadDetail(principal.workspaceId, recordId(params.id, "Lead"))),
  { role: "reviewer", callers: "any" },
);
