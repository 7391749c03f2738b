// POST /api/v1/leads/bulk/{batchId}/undo: takes a bulk action back within the
// undo window; leads changed since are skipped and named.
import { auditActor } from "@/lib/auth/principal";
import { recordId } from "@/lib/http/params";
import { withWorkspace } from "@/lib/http/route";
import { undoBulkAction } from "@/lib/leads/bulk";

export const POST = withWorkspace<{ batchId: string }>(
  async (_request, { principal, params }) => {
    return Response.json(await undoBulkAction(principal.workspaceId, recordId(params.batchId, "Bulk action"), auditActor(principal)));
  },
  { role: "reviewer", callers: "any" },
);
