// POST /api/v1/follow-ups/{id}/reschedule {due_at}: a person moves a follow-up;
// its CRM task will be created at the new time.
import { dispatchAfterResponse } from "@/inngest/kick";
import { followUpIdOf, rescheduleFollowUpSchema } from "@/lib/followups/changes";
import { rescheduleFollowUp } from "@/lib/followups/schedule";
import { readJsonBody } from "@/lib/http/body";
import { withWorkspace } from "@/lib/http/route";

export const POST = withWorkspace<{ id: string }>(async (request, { principal, params }) => {
  const id = followUpIdOf(params.id);
  const { due_at: dueAt } = await readJsonBody(request, rescheduleFollowUpSchema, 10_000);
  const followUp = await rescheduleFollowUp(principal.workspaceId, id, dueAt);
  dispatchAfterResponse();
  return Response.json({ followUp });
});
