// Raises what is due (conditions.ts) as Notification rows, once each, and, for
// a workspace with an outgoing webhook, queues each new one's delivery in the
// same transaction (outbox kind `notification_webhook`). Run when the bell asks
// for news, and every round of background work (jobs:drain, the development
// loop: lib/jobs/periodic.ts; Inngest's `raise-notifications` cron) so the
// webhook fires with nobody watching.
import { db } from "@/lib/db/client";
import { notificationWebhookJob } from "@/lib/jobs/notification-webhook";
import { notificationsDue } from "./conditions";

export async function raiseNotifications(workspaceId: string, now: Date): Promise<number> {
  const workspace = await db().workspace.findUnique({ where: { id: workspaceId }, select: { id: true, timezone: true, hotLeadWaitMinutes: true, notificationWebhookUrl: true } });
  if (!workspace) return 0;
  const drafts = await notificationsDue(workspace, now);
  if (drafts.length === 0) return 0;
  return db().$transaction(async (tx) => {
    const created = await tx.notification.createManyAndReturn({
      data: drafts.map((draft) => ({ ...draft, workspaceId })),
      skipDuplicates: true,
      select: { id: true },
    });
    if (workspace.notificationWebhookUrl) {
      for (const notification of created) {
        await notificationWebhookJob.enqueue(tx, { notificationId: notification.id }, { workspaceId, dedupeKey: notification.id });
      }
    }
    return created.length;
  });
}

export async function raiseNotificationsEverywhere(now: Date): Promise<number> {
  const workspaces = await db().workspace.findMany({ select: { id: true } });
  let raised = 0;
  for (const workspace of workspaces) raised += await raiseNotifications(workspace.id, now);
  return raised;
}
