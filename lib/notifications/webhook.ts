// Delivers one notification to its workspace's outgoing webhook as the JSON a
// Slack incoming webhook takes ({text, blocks}; Mattermost, Discord's /slack
// endpoint and Google Chat read `text` too). A 2xx is delivered; a 429 waits
// as long as Retry-After asks; no answer or a 5xx is an ordinary (retried)
// failure; any other answer is given up on.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { PermanentFailure, RetryLater } from "@/lib/jobs/failures";

export type SlackMessage = { text: string; blocks: unknown[] };

/** Pure: the message for a notification, with a link to the dashboard when its address is known. */
export function slackMessage(notification: { title: string; body: string; link: string | null }, appUrl: string | undefined): SlackMessage {
  const url = appUrl && notification.link ? new URL(notification.link, appUrl).toString() : null;
  const text = `*${notification.title}*\n${notification.body}${url ? `\n<${url}|Open in LeadBridge>` : ""}`;
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}

export async function deliverNotificationWebhook(notificationId: string): Promise<{ status: number } | { skipped: string }> {
  const notification = await db().notification.findUnique({
    where: { id: notificationId },
    select: { title: true, body: true, link: true, workspace: { select: { notificationWebhookUrl: true } } },
  });
  if (!notification) return { skipped: "the notification no longer exists" };
  const url = notification.workspace.notificationWebhookUrl;
  if (!url) return { skipped: "the workspace has no outgoing webhook any more" };
  const config = env();
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(slackMessage(notification, config.APP_URL)),
      signal: AbortSignal.timeout(config.NOTIFICATION_WEBHOOK_TIMEOUT_MS),
      redirect: "error",
    });
  } catch (error) {
    throw new Error(`The notification webhook did not answer: ${(error as Error).message}`);
  }
  if (response.ok) return { status: response.status };
  const answer = (await response.text().catch(() => "")).slice(0, 200);
  if (response.status === 429) {
    const retryAfterSeconds = Number(response.headers.get("retry-after"));
    throw new RetryLater(`The notification webhook answered 429 ${answer}`.trim(), Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0 ? retryAfterSeconds * 1000 : 60_000);
  }
  if (response.status >= 500) throw new Error(`The notification webhook answered ${response.status} ${answer}`.trim());
  throw new PermanentFailure(`The notification webhook refused it: ${response.status} ${answer}`.trim());
}
