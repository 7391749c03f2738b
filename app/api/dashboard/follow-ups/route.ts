// The Follow-ups page's rows as JSON, refetched after a reschedule or cancel.
// Same-origin, for the dashboard's current workspace (sign-in will guard it
// once sessions exist), like the queue's route.
import { listFollowUps, toFollowUpRowData } from "@/lib/followups/queries";
import { withErrors } from "@/lib/http/route";
import { currentWorkspace } from "@/lib/workspaces/current";

export const dynamic = "force-dynamic";

export const GET = withErrors(async () => {
  const workspace = await currentWorkspace();
  const rows = workspace ? await listFollowUps(workspace.id) : [];
  return Response.json({ workspaceId: workspace?.id ?? null, rows: rows.map(toFollowUpRowData) }, { headers: { "cache-control": "no-store" } });
});
