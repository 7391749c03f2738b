// Every minute: takes back work whose runner died (expired claims; an item on
// its last attempt ends failed, with the reason on its lead), then sends what
// is due and not yet sent, or sent and lost.
import { takeBackExpiredWork } from "@/lib/jobs/recover";
import { inngest } from "../client";
import { dispatchOutbox } from "../dispatch";

export const recoverAndDispatch = inngest.createFunction(
  { id: "recover-and-dispatch", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const gaveUp = await step.run("take-back-expired-claims", () => takeBackExpiredWork());
    const dispatched = await step.run("dispatch-due-items", () => dispatchOutbox());
    return { gaveUp, dispatched };
  },
);
