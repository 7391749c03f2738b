// Meta's WhatsApp Business webhook: the subscription handshake (GET) and
// signed deliveries of messages and statuses (POST). Answers in milliseconds:
// a verified delivery is appended to the inbox in one statement and stored
// moments later by the process_inbox job (lib/ingest/inbox.ts); nothing else
// runs here, so Meta never waits on our storing.
import { dispatchAfterResponse } from "@/inngest/kick";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseJson, readRawBody } from "@/lib/http/body";
import { withErrors } from "@/lib/http/route";
import { subscriptionChallenge } from "@/lib/ingest/handshake";
import { isValidSignature } from "@/lib/ingest/signature";
import { appendDelivery } from "@/lib/ingest/inbox";
import { webhookEntries } from "@/lib/ingest/whatsapp-payload";
import { logger } from "@/lib/log";
import { metrics } from "@/lib/observability/metrics";

/** Meta sends at most 3 MB per delivery. */
const WEBHOOK_BODY_LIMIT = 3 * 1024 * 1024;

export const GET = withErrors(async (request) => {
  const verifyToken = env().WHATSAPP_VERIFY_TOKEN;
  if (!verifyToken) throw new AppError("unavailable", "The WhatsApp webhook is not configured: set WHATSAPP_VERIFY_TOKEN.");
  const challenge = subscriptionChallenge(new URL(request.url).searchParams, verifyToken);
  if (challenge === null) return new Response("Forbidden", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(challenge, { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
});

export const POST = withErrors(async (request) => {
  const { WHATSAPP_APP_SECRET: appSecret } = env();
  metrics.webhooksReceived.inc();
  try {
    // Never accept unsigned payloads: without the secret nothing can be verified.
    if (!appSecret) throw new AppError("unavailable", "The WhatsApp webhook is not configured: set WHATSAPP_APP_SECRET.");
    const raw = await readRawBody(request, WEBHOOK_BODY_LIMIT);
    if (!isValidSignature(raw, request.headers.get("x-hub-signature-256"), appSecret)) {
      throw new AppError("unauthorized", "The X-Hub-Signature-256 header is missing or does not match the body.");
    }
    const body = raw.toString("utf8");
    // What is not a WhatsApp webhook at all is refused now (4xx), not kept.
    webhookEntries(parseJson(body));
    const { woke } = await appendDelivery(body);
    if (woke) dispatchAfterResponse();
    return Response.json({ received: true });
  } catch (error) {
    // Meta retries non-2xx answers; these will not get better, so say why in the log.
    if (error instanceof AppError) logger.warn({ area: "webhook", code: error.code, reason: error.message }, "refused a delivery");
    metrics.webhooksRefused.inc({ reason: error instanceof AppError ? error.code : "error" });
    throw error;
  }
});
