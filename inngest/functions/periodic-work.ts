// One Inngest cron function per piece of periodic work (lib/jobs/periodic.ts),
// every minute: e.g. `raise-notifications`, whose webhook deliveries are jobs.
import { periodicWork } from "@/lib/jobs/periodic";
import { inngest } from "../client";

export const periodicWorkFunctions = periodicWork.map((work) =>
  inngest.createFunction({ id: work.name, triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } }, async ({ step }) => step.run(work.name, () => work.run(new Date()))),
);
