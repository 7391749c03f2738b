// Every Inngest function the app serves (app/api/inngest/route.ts).
import { extractLeadFunction } from "./functions/extract-lead";
import { followUpFunction } from "./functions/follow-up";
import { prospectRepliedFunction } from "./functions/prospect-replied";
import { pushScoresFunction } from "./functions/push-scores";
import { resendOutbox } from "./functions/resend-outbox";
import { syncLeadFunction } from "./functions/sync-lead";

export const functions = [resendOutbox, extractLeadFunction, syncLeadFunction, pushScoresFunction, followUpFunction, prospectRepliedFunction];
