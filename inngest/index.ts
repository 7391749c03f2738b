// Every Inngest function the app serves (app/api/inngest/route.ts): one per job
// definition, the minutely recovery and dispatch pass, the release of ended
// runs, and the periodic work (lib/jobs/periodic.ts). A prospect's reply
// cancels follow-ups where it is stored (lib/ingest/store-deliveries.ts).
import { periodicWorkFunctions } from "./functions/periodic-work";
import { recoverAndDispatch } from "./functions/recover-and-dispatch";
import { releaseEndedRuns } from "./functions/release-ended-runs";
import { jobFunctions } from "./job-functions";

export const functions = [recoverAndDispatch, releaseEndedRuns, ...jobFunctions, ...periodicWorkFunctions];
