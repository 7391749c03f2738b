// prospect-replied: when a prospect writes again, the conversation's scheduled
// follow-ups are marked cancelled ("prospect replied first") at once, so the
// page agrees with the follow-up runs this event just cancelled (cancelOn).
import { cancelFollowUpsAnsweredByProspect } from "@/lib/followups/run-due";
import { inngest } from "../client";
import { prospectRepliedEventData, prospectRepliedEventName } from "../events";

export const prospectRepliedFunction = inngest.createFunction(
  { id: "prospect-replied", triggers: [{ event: prospectRepliedEventName }], retries: 4 },
  async ({ event, step }) => {
    const { conversationId } = prospectRepliedEventData.parse(event.data);
    const cancelled = await step.run("cancel-answered-follow-ups", () => cancelFollowUpsAnsweredByProspect(conversationId));
    return { cancelled };
  },
);
