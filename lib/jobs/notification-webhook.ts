// notification_webhook: posts one notification to its workspace's outgoing
// webhook (lib/notifications/webhook.ts). A 429 waits as asked; a timeout or a
// 5xx is retried with backoff; any other refusal is given up on.
import { z } from "zod";
import { deliverNotificationWebhook } from "@/lib/notifications/webhook";
import { defineJob, onlyItem } from "./definition";

export const notificationWebhookJob = defineJob({
  kind: "notification_webhook",
  payload: z.object({ notificationId: z.uuid() }),
  maxAttempts: 6,
  async run({ items, step }) {
    const { payload } = onlyItem(items);
    await step("post-to-webhook", () => deliverNotificationWebhook(payload.notificationId));
  },
});
