// follow_up_due: when a scheduled follow-up is due (its item's time), creates
// its CRM task on the contact the lead's sync linked, unless the prospect wrote
// first or WhatsApp's rules say otherwise (lib/followups/run-due.ts). A
// reschedule replaces the item, so a run of the old one finds it gone. Given up
// on, the follow-up shows as failed with the reason.
import { z } from "zod";
import { recordFollowUpGaveUp, runDueFollowUp } from "@/lib/followups/run-due";
import { defineJob, onlyItem } from "./definition";

/** CRM requests one run makes: the task (found or created) and its association. */
const CRM_REQUESTS_PER_RUN = 2;

export const followUpDueJob = defineJob({
  kind: "follow_up_due",
  // conversationId names the conversation whose reply makes this follow-up moot.
  payload: z.object({ followUpId: z.uuid(), conversationId: z.uuid().optional() }),
  crmRequestsPerRun: CRM_REQUESTS_PER_RUN,
  async run({ items, step }) {
    const { payload } = onlyItem(items);
    await step("create-crm-task", () => runDueFollowUp(payload.followUpId, new Date()));
  },
  async onGiveUp({ payload }, reason) {
    await recordFollowUpGaveUp(payload.followUpId, reason);
  },
});
