// When an Inngest run ends without finishing (its retries exhausted, or it was
// cancelled), the items it still holds are given up at once, with the reason
// on their lead (a reviewer can retry), instead of waiting out their lease.
import { z } from "zod";
import { giveUpWorkOf } from "@/lib/jobs/recover";
import { inngest } from "../client";
import { inngestWorker } from "../run-job";

const FAILED = "inngest/function.failed";
const CANCELLED = "inngest/function.cancelled";

const endedRun = z.object({ run_id: z.string().min(1), error: z.object({ message: z.string() }).partial().optional() });

export const releaseEndedRuns = inngest.createFunction(
  { id: "release-ended-runs", triggers: [{ event: FAILED }, { event: CANCELLED }], retries: 4 },
  async ({ event, step }) => {
    const { run_id: runId, error } = endedRun.parse(event.data);
    const reason = event.name === CANCELLED ? "Its Inngest run was cancelled." : `Its Inngest run failed: ${error?.message ?? "no reason given"}`;
    const givenUp = await step.run("give-up-held-items", () => giveUpWorkOf(inngestWorker(runId), reason));
    return { givenUp };
  },
);
