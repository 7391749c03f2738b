// The one way a route hands its freshly committed background work to Inngest:
// after the response is sent (Next's `after`), dispatch what is due. Best
// effort: the outbox keeps the work, and the scheduled pass sends whatever
// this misses. Without Inngest it does nothing (the background worker, woken
// by the work's announcement, or jobs:drain runs it).
import { after } from "next/server";
import { dispatchInBackground } from "./dispatch";

export function dispatchAfterResponse(): void {
  try {
    after(dispatchInBackground);
  } catch (error) {
    // Called outside a request (a script or a test calling the handler): run it now, unawaited.
    if (!(error instanceof Error && error.message.includes("outside a request scope"))) throw error;
    dispatchInBackground();
  }
}
