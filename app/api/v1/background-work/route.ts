// GET /api/v1/background-work: background work that is due but not picked up
// (no Inngest engine or worker reachable), per kind, for the dashboard's notice.
import { withWorkspace } from "@/lib/http/route";
import { overdueCounts } from "@/lib/outbox/outbox";

export const GET = withWorkspace(async (_request, { principal }) => Response.json({ overdue: await overdueCounts(principal.workspaceId) }), {
  role: "reviewer",
  callers: "any",
});
