// GET /api/v1/notifications (signed-in people): the bell's unread count and
// latest notifications in the active workspace, after raising what is now due.
import { AppError } from "@/lib/errors";
import { withWorkspace } from "@/lib/http/route";
import { notificationInbox } from "@/lib/notifications/inbox";
import { raiseNotifications } from "@/lib/notifications/raise";

export const dynamic = "force-dynamic";

export const GET = withWorkspace(
  async (_request, { principal }) => {
    if (principal.kind !== "member") throw new AppError("forbidden", "Notifications are for signed-in people.");
    await raiseNotifications(principal.workspaceId, new Date());
    return Response.json(await notificationInbox(principal.workspaceId, principal.userId), { headers: { "cache-control": "no-store" } });
  },
  { role: "reviewer" },
);
