// The review queue's rows as JSON, polled by the queue page so new
// conversations appear without a reload. Same-origin, for the dashboard's
// current workspace (sign-in will guard it once sessions exist).
import { listRecentConversations, toQueueRowData } from "@/lib/conversations/queries";
import { withErrors } from "@/lib/http/route";
import { currentWorkspace } from "@/lib/workspaces/current";

export const dynamic = "force-dynamic";

export const GET = withErrors(async () => {
  const workspace = await currentWorkspace();
  const rows = workspace ? await listRecentConversations(workspace.id) : [];
  return Response.json({ workspaceId: workspace?.id ?? null, rows: rows.map(toQueueRowData) }, { headers: { "cache-control": "no-store" } });
});
