// Every Inngest function the app serves (app/api/inngest/route.ts).
import { extractLeadFunction } from "./functions/extract-lead";
import { followUpFunction } from "./functions/follow-up";
import { deliverNotificationFunction, raiseNotificationsFunction } from "./functions/notifications";
import { prospectRepliedFunction } from "./functions/prospect-replied";
import { pushScoresFunction } from "./functions/push-scores";
import { resendOutbox } from "./functions/resend-outbox";
import { syncLeadsFunction } from "./functions/sync-leads";

export const functions = [resendOutbox, extractLeadFunction, syncLeadsFunction, pushScoresFunction, followUpFunction, prospectRepliedFunction, raiseNotificationsFunction, deliverNotificationFunction];
