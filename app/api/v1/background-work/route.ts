// GET /api/v1/background-work: background work that is due but not picked up
// (no Inngest engine or worker reachable), per kind, for the dashboard's notice.
import { withWorkspace } from "@/lib/http/route";
import { overdueWork } from "@/lib/jobs/overdue";

export const GET = withWorkspace(async (_request, { principal }) => Response.json({ overdue: await overdueWork(principal.workspaceId) }), {
  role: "reviewer",
  callers: "any",
});
