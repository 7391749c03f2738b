// POST /api/v1/leads/{id}/reject {version, reason, note?}
import { auditActor } from "@/lib/auth/principal";
import { readJsonBody } from "@/lib/http/body";
import { recordId } from "@/lib/http/params";
import { withWorkspace } from "@/lib/http/route";
import { rejectRequest } from "@/lib/leads/requests";
import { rejectProposal } from "@/lib/leads/review";

export const POST = withWorkspace<{ id: string }>(
  async (request, { principal, params }) => {
    const body = await readJsonBody(request, rejectRequest);
    const result = await rejectProposal({
      workspaceId: principal.workspaceId,
      proposalId: recordId(params.id, "Lead"),
      expectedVersion: body.version,
      rejection: { reason: body.reason, note: body.note },
      actor: auditActor(principal),
    });
    return Response.json(result);
  },
  { role: "reviewer", callers: "any" },
);
