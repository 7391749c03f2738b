// Meta's WhatsApp Business webhook: the subscription handshake (GET) and
// signed deliveries of messages and statuses (POST). Answers in milliseconds:
// a verified delivery is appended to the inbox (lib/ingest/webhook.ts) and
// stored moments later by the process_inbox job. The production web server
// answers the POST before Next.js does (lib/ingest/webhook-node.ts), with the
// same receiveDelivery; this route serves it under `next dev` and in tests.
import { dispatchAfterResponse } from "@/inngest/kick";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readRawBody } from "@/lib/http/body";
import { withErrors } from "@/lib/http/route";
import { subscriptionChallenge } from "@/lib/ingest/handshake";
import { receiveDelivery } from "@/lib/ingest/webhook";

export const GET = withErrors(async (request) => {
  const verifyToken = env().WHATSAPP_VERIFY_TOKEN;
  if (!verifyToken) throw new AppError("unavailable", "The WhatsApp webhook is not configured: set WHATSAPP_VERIFY_TOKEN.");
  const challenge = subscriptionChallenge(new URL(request.url).searchParams, verifyToken);
  if (challenge === null) return new Response("Forbidden", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(challenge, { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
});

export const POST = withErrors(async (request) => {
  const { woke } = await receiveDelivery({ signature: request.headers.get("x-hub-signature-256"), readBody: (limit) => readRawBody(request, limit) });
  if (woke) dispatchAfterResponse();
  return Response.json({ received: true });
});
