// One round of background work without Inngest (jobs:drain, the development
// server's loop): raise the notifications now due (their webhook deliveries
// join the outbox), then run every due outbox item.
import { raiseNotificationsEverywhere } from "@/lib/notifications/raise";
import { drainOutbox, type DrainSummary } from "./drain";
import { outboxHandlers } from "./handlers";

export async function runBackgroundRound(worker: string, now = new Date()): Promise<DrainSummary & { notificationsRaised: number }> {
  const notificationsRaised = await raiseNotificationsEverywhere(now);
  return { ...(await drainOutbox({ handlers: outboxHandlers, worker })), notificationsRaised };
}
