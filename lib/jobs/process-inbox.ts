// process_inbox: stores the WhatsApp deliveries waiting in the webhook inbox
// (lib/ingest/inbox-processor.ts), oldest first, in batches, until none is left
// or the run's time is up. Asked for by the delivery that finds no request
// pending, so there is at most one waiting run; a run that leaves deliveries
// behind asks for the next. Failing deliveries stay in the inbox, not here.
import { z } from "zod";
import { INBOX_JOB_KIND } from "@/lib/ingest/inbox";
import { processInbox } from "@/lib/ingest/inbox-processor";
import { defineJob } from "./definition";

export const processInboxJob = defineJob({
  kind: INBOX_JOB_KIND,
  payload: z.object({}),
  // The inbox lock already keeps batches apart; one run per request avoids a second waiting on it.
  oneRunPerItem: true,
  // Reviewers see a message within seconds of its delivery, whatever extractions or syncs are queued.
  firstInLine: true,
  async run({ step }) {
    await step("store-deliveries", () => processInbox());
  },
});
