// POST /api/v1/notifications/seen (signed-in people): the bell was opened;
// every notification so far is read.
import { AppError } from "@/lib/errors";
import { withWorkspace } from "@/lib/http/route";
import { markNotificationsSeen } from "@/lib/notifications/inbox";

export const POST = withWorkspace(
  async (_request, { principal }) => {
    if (principal.kind !== "member") throw new AppError("forbidden", "Notifications are for signed-in people.");
    await markNotificationsSeen(principal.workspaceId, principal.userId, new Date());
    return new Response(null, { status: 204 });
  },
  { role: "reviewer" },
);
