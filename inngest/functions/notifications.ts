// Notifications with Inngest: every minute, raise what is now due (a hot lead
// waiting, a failed sync, a follow-up due today); each new one's outgoing
// webhook delivery is an outbox item worked by `deliver-notification`.
import { raiseNotificationsEverywhere } from "@/lib/notifications/raise";
import { deliverNotificationWebhook } from "@/lib/notifications/webhook";
import { notificationWebhookPayload } from "@/lib/outbox/handlers";
import { inngest } from "../client";
import { outboxEventName } from "../events";
import { runOutboxItem, serviceStep } from "../outbox-run";

export const raiseNotificationsFunction = inngest.createFunction(
  { id: "raise-notifications", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => step.run("raise-due-notifications", () => raiseNotificationsEverywhere(new Date())),
);

export const deliverNotificationFunction = inngest.createFunction(
  { id: "deliver-notification", triggers: [{ event: outboxEventName("notification_webhook") }], retries: 8 },
  async ({ event, step, runId }) =>
    runOutboxItem({ event, step, runId }, async (item) => {
      const { notificationId } = notificationWebhookPayload.parse(item.payload);
      return serviceStep(step, "post-to-webhook", () => deliverNotificationWebhook(notificationId));
    }),
);
