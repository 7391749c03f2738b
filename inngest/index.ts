// Every Inngest function the app serves (app/api/inngest/route.ts).
import { resendOutbox } from "./functions/resend-outbox";

export const functions = [resendOutbox];
