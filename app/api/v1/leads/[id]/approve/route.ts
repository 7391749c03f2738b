// POST /api/v1/leads/{id}/approve {version, edits?, confirmInvalid?}: the lead
// becomes a contact (409 with the duplicates when one already has its email or
// phone: merge instead; 422 `confirmation_required` with the warnings when a
// contact value is invalid and confirmInvalid is not true).
import { dispatchAfterResponse } from "@/inngest/kick";
import { auditActor } from "@/lib/auth/principal";
import { readJsonBody } from "@/lib/http/body";
import { recordId } from "@/lib/http/params";
import { withWorkspace } from "@/lib/http/route";
import { approveRequest } from "@/lib/leads/requests";
import { approveProposal } from "@/lib/leads/review";

export const POST = withWorkspace<{ id: string }>(
  async (request, { principal, params }) => {
    const body = await readJsonBody(request, approveRequest);
    const result = await approveProposal({
      workspaceId: principal.workspaceId,
      proposalId: recordId(params.id, "Lead"),
      expectedVersion: body.version,
      edits: body.edits,
      confirmInvalid: body.confirmInvalid,
      actor: auditActor(principal),
    });
    dispatchAfterResponse();
    return Response.json(result);
  },
  { role: "reviewer", callers: "any" },
);
