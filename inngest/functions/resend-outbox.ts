// Every minute: sends outbox items the engine has not acknowledged (written
// while it was unreachable, or sent and lost). Event ids de-duplicate resends.
import { inngest } from "../client";
import { dispatchOutbox } from "../dispatch";

export const resendOutbox = inngest.createFunction(
  { id: "resend-outbox", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => step.run("dispatch-pending-items", () => dispatchOutbox()),
);
