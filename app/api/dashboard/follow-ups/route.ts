// The Follow-ups page's rows as JSON, refetched after a reschedule or cancel,
// for the signed-in person's active workspace (reviewers and up).
import { listFollowUps, toFollowUpRowData } from "@/lib/followups/queries";
import { withWorkspace } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = withWorkspace(
  async (_request, { principal }) => {
    const rows = await listFollowUps(principal.workspaceId);
    return Response.json({ workspaceId: principal.workspaceId, rows: rows.map(toFollowUpRowData) }, { headers: { "cache-control": "no-store" } });
  },
  { role: "reviewer" },
);
