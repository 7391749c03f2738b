// POST /api/v1/leads/bulk: one action on many leads. Body: {action: "reject",
// reason, note?} | {action: "assign", ownerId (null unassigns)} | {action:
// "approve"} (only leads with no warning flag and high confidence), each with
// `selection`: {ids: [...]} or {filter: {the queue's filters}} ("all matching").
// Answers {batchId, done, skipped (with reasons), undo}; undo the batch at
// /api/v1/leads/bulk/{batchId}/undo within the window.
import { dispatchAfterResponse } from "@/inngest/kick";
import { auditActor } from "@/lib/auth/principal";
import { readJsonBody } from "@/lib/http/body";
import { withWorkspace } from "@/lib/http/route";
import { bulkRequestSchema, runBulkAction } from "@/lib/leads/bulk";

export const POST = withWorkspace(
  async (request, { principal }) => {
    const body = await readJsonBody(request, bulkRequestSchema);
    const result = await runBulkAction(principal.workspaceId, body, { ...auditActor(principal), viewerId: principal.kind === "member" ? principal.userId : null });
    if (body.action === "approve" && result.done.length > 0) dispatchAfterResponse();
    return Response.json(result);
  },
  { role: "reviewer", callers: "any" },
);
