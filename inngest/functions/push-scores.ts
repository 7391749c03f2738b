// push-scores: writes a conversation's newest labeled scores to the CRM records
// it is linked to (after a behavioral platform pushed a new version).
import { asOutboxFailure, pushLabeledScores } from "@/lib/crm/sync";
import { pushScoresPayload } from "@/lib/outbox/handlers";
import { PermanentFailure } from "@/lib/outbox/drain";
import { inngest } from "../client";
import { outboxEventName } from "../events";
import { runOutboxItem, serviceStep } from "../outbox-run";

export const pushScoresFunction = inngest.createFunction(
  { id: "push-scores", triggers: [{ event: outboxEventName("push_scores") }], retries: 8 },
  async ({ event, step, runId }) =>
    runOutboxItem({ event, step, runId }, async (item) => {
      const { conversationId } = pushScoresPayload.parse(item.payload);
      const workspaceId = item.workspaceId;
      if (!workspaceId) throw new PermanentFailure("A score push needs its workspace.");
      const pushed = await serviceStep(step, "push-labeled-scores", () => pushLabeledScores(workspaceId, conversationId), asOutboxFailure);
      return { pushed };
    }),
);
