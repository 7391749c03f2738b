// GET /api/v1/contacts/:id (reviewers, API keys): one contact with its
// conversations, leads, review decisions, follow-ups and CRM links.
import { contactDetail } from "@/lib/contacts/detail";
import { recordId } from "@/lib/http/params";
import { withWorkspace } from "@/lib/http/route";

export const GET = withWorkspace<{ id: string }>(async (_request, { principal, params }) =>
  Response.json(await contactDetail(principal.workspaceId, recordId(params.id, "Contact")), { headers: { "cache-control": "no-store" } }),
);
