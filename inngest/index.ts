// Every Inngest function the app serves (app/api/inngest/route.ts): one per job
// definition, the minutely recovery and dispatch pass, the release of ended
// runs.
import { recoverAndDispatch } from "./functions/recover-and-dispatch";
import { releaseEndedRuns } from "./functions/release-ended-runs";
import { jobFunctions } from "./job-functions";

export const functions = [recoverAndDispatch, releaseEndedRuns, ...jobFunctions];
