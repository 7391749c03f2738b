// POST /api/v1/follow-ups/{id}/reschedule {due_at}: a person moves a follow-up;
// its CRM task will be created at the new time.
import { dispatchOutbox } from "@/inngest/dispatch";
import { followUpIdOf, rescheduleFollowUpSchema } from "@/lib/followups/changes";
import { rescheduleFollowUp } from "@/lib/followups/schedule";
import { readJsonBody } from "@/lib/http/body";
import { withWorkspace } from "@/lib/http/route";
import { logger } from "@/lib/log";

export const POST = withWorkspace<{ id: string }>(async (request, { principal, params }) => {
  const id = followUpIdOf(params.id);
  const { due_at: dueAt } = await readJsonBody(request, rescheduleFollowUpSchema, 10_000);
  const followUp = await rescheduleFollowUp(principal.workspaceId, id, dueAt);
  void dispatchOutbox().catch((error: unknown) => logger.warn({ err: error, area: "follow-ups" }, "outbox dispatch failed"));
  return Response.json({ followUp });
});
