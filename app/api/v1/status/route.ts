// GET /api/v1/status: for admins, the workspace's operational status (the
// dashboard's status strip): background engine connected or not, backlog, last
// CRM sync error.
import { withWorkspace } from "@/lib/http/route";
import { workspaceStatus } from "@/lib/observability/status";

export const GET = withWorkspace(async (_request, { principal }) => Response.json(await workspaceStatus(principal.workspaceId)), { role: "admin" });
