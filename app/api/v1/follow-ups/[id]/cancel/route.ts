// POST /api/v1/follow-ups/{id}/cancel {reason?}: a person cancels a follow-up;
// no CRM task will be created. A done one cannot be cancelled (409).
import { cancelFollowUpSchema, followUpIdOf } from "@/lib/followups/changes";
import { cancelFollowUp } from "@/lib/followups/schedule";
import { readJsonBody } from "@/lib/http/body";
import { withWorkspace } from "@/lib/http/route";

export const POST = withWorkspace<{ id: string }>(async (request, { principal, params }) => {
  const id = followUpIdOf(params.id);
  const { reason } = await readJsonBody(request, cancelFollowUpSchema, 10_000);
  const followUp = await cancelFollowUp(principal.workspaceId, id, reason ?? `Cancelled by ${principal.label}`);
  return Response.json({ followUp });
});
