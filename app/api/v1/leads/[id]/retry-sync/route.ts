// POST /api/v1/leads/{id}/retry-sync: queues a failed CRM sync again.
import { dispatchAfterResponse } from "@/inngest/kick";
import { auditActor } from "@/lib/auth/principal";
import { recordId } from "@/lib/http/params";
import { withWorkspace } from "@/lib/http/route";
import { retrySync } from "@/lib/leads/retry";

export const POST = withWorkspace<{ id: string }>(
  async (_request, { principal, params }) => {
    await retrySync(principal.workspaceId, recordId(params.id, "Lead"), auditActor(principal));
    dispatchAfterResponse();
    return Response.json({ queued: true }, { status: 202 });
  },
  { role: "reviewer", callers: "any" },
);
