// extract-lead: after a conversation goes quiet (the outbox item's time, pushed
// later by each new message), extracts its lead and stores the proposal, unless
// a reviewer already acted on it. Runs the provider in one step: an LLM call
// is retried by Inngest on failure; an invalid answer is stored as "failed".
import { extractLead } from "@/lib/leads/extract-lead";
import { extractLeadPayload } from "@/lib/outbox/handlers";
import { PermanentFailure } from "@/lib/outbox/drain";
import { inngest } from "../client";
import { outboxEventName } from "../events";
import { runOutboxItem, serviceStep } from "../outbox-run";

export const extractLeadFunction = inngest.createFunction(
  {
    id: "extract-lead",
    triggers: [{ event: outboxEventName("extract_lead") }],
    retries: 5,
    // One extraction per conversation at a time; later messages re-queue it.
    concurrency: { limit: 1, key: "event.data.outboxItemId" },
  },
  async ({ event, step, runId }) =>
    runOutboxItem({ event, step, runId }, async (item) => {
      const workspaceId = item.workspaceId;
      if (!workspaceId) throw new PermanentFailure("An extraction needs its workspace.");
      const { conversationId } = extractLeadPayload.parse(item.payload);
      return serviceStep(step, "extract-and-store-proposal", () => extractLead(workspaceId, conversationId));
    }),
);
