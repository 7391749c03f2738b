// POST /api/v1/leads/{id}/undo {version}: undoes the last approve, merge or
// reject within the undo window, before the CRM sync starts.
import { auditActor } from "@/lib/auth/principal";
import { readJsonBody } from "@/lib/http/body";
import { recordId } from "@/lib/http/params";
import { withWorkspace } from "@/lib/http/route";
import { undoRequest } from "@/lib/leads/requests";
import { undoReview } from "@/lib/leads/review";

export const POST = withWorkspace<{ id: string }>(
  async (request, { principal, params }) => {
    const body = await readJsonBody(request, undoRequest);
    return Response.json(
      await undoReview({ workspaceId: principal.workspaceId, proposalId: recordId(params.id, "Lead"), expectedVersion: body.version, actor: auditActor(principal) }),
    );
  },
  { role: "reviewer", callers: "any" },
);
