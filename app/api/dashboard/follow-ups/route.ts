// The Follow-ups page's rows as JSON, refetched after a reschedule or cancel,
// for the signed-in person's active workspace (reviewers and up). Filters:
// ?status=scheduled,proposed&owner=me|none|<user id>&from=YYYY-MM-DD&to=YYYY-MM-DD
// (days in the viewer's zone); a 422 names a bad one.
import { viewerTimeZone } from "@/lib/account/preferences";
import { db } from "@/lib/db/client";
import { followUpFiltersFrom, listFollowUps, toFollowUpRowData } from "@/lib/followups/queries";
import { withWorkspace } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = withWorkspace(
  async (request, { principal }) => {
    const filters = followUpFiltersFrom(new URL(request.url).searchParams);
    const userId = principal.kind === "member" ? principal.userId : null;
    const workspace = await db().workspace.findUniqueOrThrow({ where: { id: principal.workspaceId }, select: { timezone: true } });
    const timezone = userId ? await viewerTimeZone(userId, workspace.timezone) : workspace.timezone;
    const rows = await listFollowUps(principal.workspaceId, { filters, viewer: { userId, timezone } });
    return Response.json({ workspaceId: principal.workspaceId, rows: rows.map(toFollowUpRowData) }, { headers: { "cache-control": "no-store" } });
  },
  { role: "reviewer" },
);
