// POST /api/v1/leads/{id}/merge {version, contactId, choices, edits?, preview?}:
// with preview, the contact the merge would leave; without, the merge itself.
import { dispatchAfterResponse } from "@/inngest/kick";
import { auditActor } from "@/lib/auth/principal";
import { readJsonBody } from "@/lib/http/body";
import { recordId } from "@/lib/http/params";
import { withWorkspace } from "@/lib/http/route";
import { mergeRequest } from "@/lib/leads/requests";
import { mergeProposal, previewMerge } from "@/lib/leads/review";

export const POST = withWorkspace<{ id: string }>(
  async (request, { principal, params }) => {
    const body = await readJsonBody(request, mergeRequest);
    const proposalId = recordId(params.id, "Lead");
    if (body.preview) {
      return Response.json(await previewMerge({ workspaceId: principal.workspaceId, proposalId, contactId: body.contactId, choices: body.choices, edits: body.edits }));
    }
    const result = await mergeProposal({
      workspaceId: principal.workspaceId,
      proposalId,
      expectedVersion: body.version,
      contactId: body.contactId,
      choices: body.choices,
      edits: body.edits,
      actor: auditActor(principal),
    });
    dispatchAfterResponse();
    return Response.json(result);
  },
  { role: "reviewer", callers: "any" },
);
