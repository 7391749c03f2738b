// The Inngest client. Events carry ids only; functions re-read the database.
// Sending is given a timeout: with no engine reachable a send can hang for
// minutes, and the outbox makes a failed send harmless anyway.
import { Inngest } from "inngest";
import { env } from "@/lib/env";

const SEND_TIMEOUT_MS = 5_000;

function fetchWithTimeout(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  return fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(SEND_TIMEOUT_MS) });
}

const config = env();

export const inngest = new Inngest({
  id: "leadbridge",
  eventKey: config.INNGEST_EVENT_KEY,
  signingKey: config.INNGEST_SIGNING_KEY,
  baseUrl: config.INNGEST_BASE_URL,
  isDev: config.INNGEST_DEV ? true : undefined,
  fetch: fetchWithTimeout as typeof fetch,
});
