// extract_lead: once a conversation has gone quiet (its item's time, pushed
// later by each new message), extracts its lead and stores the proposal, unless
// a reviewer already acted on it. One step: the provider call and the write.
// An unreachable or slow LLM is retried with backoff; given up on, the lead
// shows as failed with the reason (a reviewer can retry).
import { z } from "zod";
import { extractLead, recordExtractionGaveUp } from "@/lib/leads/extract-lead";
import { defineJob, onlyItem } from "./definition";
import { PermanentFailure } from "./failures";

export const extractLeadJob = defineJob({
  kind: "extract_lead",
  payload: z.object({ conversationId: z.uuid() }),
  // New messages move the same item later; its earlier event must not run beside the later one.
  oneRunPerItem: true,
  // 30 s, 1, 2, 4 min apart: a model down longer shows as failed, ready to retry by hand.
  maxAttempts: 5,
  async run({ items, step }) {
    const { workspaceId, payload } = onlyItem(items);
    if (!workspaceId) throw new PermanentFailure("An extraction needs its workspace.");
    await step("extract-and-store-proposal", () => extractLead(workspaceId, payload.conversationId));
  },
  async onGiveUp({ workspaceId, payload }, reason) {
    if (workspaceId) await recordExtractionGaveUp(workspaceId, payload.conversationId, reason);
  },
});
