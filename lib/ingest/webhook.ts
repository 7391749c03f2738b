// Receiving one WhatsApp webhook delivery (Meta's signed POST), the same way
// behind either web edge: the Next.js route (app/api/webhooks/whatsapp) and the
// production web server's direct path (lib/ingest/webhook-node.ts). Checks the
// secret is configured, reads the body within Meta's 3 MB, verifies the
// signature over the exact bytes, refuses what is not a WhatsApp payload, and
// appends the delivery to the inbox (lib/ingest/inbox.ts). Nothing else runs
// here: storing happens moments later in the process_inbox job.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseJson } from "@/lib/http/body";
import { logger } from "@/lib/log";
import { metrics } from "@/lib/observability/metrics";
import { appendDelivery } from "./inbox";
import { isValidSignature } from "./signature";
import { webhookEntries } from "./whatsapp-payload";

/** Meta sends at most 3 MB per delivery. */
export const WEBHOOK_BODY_LIMIT = 3 * 1024 * 1024;

export type DeliveryRequest = {
  /** The X-Hub-Signature-256 header. */
  signature: string | null;
  /** Reads the raw body, refusing more than `limitBytes` (AppError payload_too_large). */
  readBody: (limitBytes: number) => Promise<Buffer>;
};

/**
 * Keeps a verified delivery or throws the AppError that says why not (the
 * edge answers it as problem+json). `woke`: this delivery asked for the
 * inbox's processing, which the edge dispatches after answering.
 */
export async function receiveDelivery({ signature, readBody }: DeliveryRequest): Promise<{ woke: boolean }> {
  const { WHATSAPP_APP_SECRET: appSecret } = env();
  metrics.webhooksReceived.inc();
  try {
    // Never accept unsigned payloads: without the secret nothing can be verified.
    if (!appSecret) throw new AppError("unavailable", "The WhatsApp webhook is not configured: set WHATSAPP_APP_SECRET.");
    const raw = await readBody(WEBHOOK_BODY_LIMIT);
    if (!isValidSignature(raw, signature, appSecret)) {
      throw new AppError("unauthorized", "The X-Hub-Signature-256 header is missing or does not match the body.");
    }
    const body = raw.toString("utf8");
    // What is not a WhatsApp webhook at all is refused now (4xx), not kept.
    webhookEntries(parseJson(body));
    const { woke } = await appendDelivery(body);
    return { woke };
  } catch (error) {
    // Meta retries non-2xx answers; these will not get better, so say why in the log.
    if (error instanceof AppError) logger.warn({ area: "webhook", code: error.code, reason: error.message }, "refused a delivery");
    metrics.webhooksRefused.inc({ reason: error instanceof AppError ? error.code : "error" });
    throw error;
  }
}
