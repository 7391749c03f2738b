// push_scores: writes a conversation's newest labeled scores to the CRM records
// it is linked to (after a behavioral platform pushed a new version).
import { z } from "zod";
import { pushLabeledScores } from "@/lib/crm/sync";
import { defineJob, onlyItem } from "./definition";
import { PermanentFailure } from "./failures";

/** CRM requests one run makes: one update per linked contact. */
const CRM_REQUESTS_PER_RUN = 1;

export const pushScoresJob = defineJob({
  kind: "push_scores",
  payload: z.object({ conversationId: z.uuid() }),
  crmRequestsPerRun: CRM_REQUESTS_PER_RUN,
  async run({ items, step }) {
    const { workspaceId, payload } = onlyItem(items);
    if (!workspaceId) throw new PermanentFailure("A score push needs its workspace.");
    await step("push-labeled-scores", () => pushLabeledScores(workspaceId, payload.conversationId));
  },
});
