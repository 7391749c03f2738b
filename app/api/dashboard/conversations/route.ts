// The review queue's rows as JSON, polled by the queue page so new
// conversations appear without a reload. For the signed-in person's active
// workspace (reviewers and up).
import { listRecentConversations, toQueueRowData } from "@/lib/conversations/queries";
import { withWorkspace } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = withWorkspace(
  async (_request, { principal }) => {
    const rows = await listRecentConversations(principal.workspaceId);
    return Response.json({ workspaceId: principal.workspaceId, rows: rows.map(toQueueRowData) }, { headers: { "cache-control": "no-store" } });
  },
  { role: "reviewer" },
);
