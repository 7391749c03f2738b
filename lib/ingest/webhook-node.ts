// The WhatsApp webhook's POST served straight from Node's http server, before
// Next.js: the production web server (scripts/web.ts) answers Meta's deliveries
// here because Next's request handling costs several milliseconds of CPU per
// request, which caps a 2-core server far below the 1,000 deliveries per second
// a WhatsApp number can send (BENCHMARKS.md, ingest). Same receiveDelivery as
// the Next.js route, same answers: 200 {"received":true}, or problem+json with
// the same status and detail, with the API's security headers and X-Request-Id.
import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "@/lib/env";
import { readNodeBody } from "@/lib/http/body";
import { problemFromError } from "@/lib/http/problem";
import { API_CONTENT_SECURITY_POLICY, commonSecurityHeaders } from "@/lib/http/security-headers";
import { requestIdFrom, runInRequestContext } from "@/lib/observability/request-context";
import { receiveDelivery } from "./webhook";

export const WEBHOOK_PATH = "/api/webhooks/whatsapp";

/** Whether this request is a webhook delivery (a POST to the webhook's path, any query). */
export function isWebhookDelivery(request: IncomingMessage): boolean {
  if (request.method !== "POST" || !request.url) return false;
  const query = request.url.indexOf("?");
  return (query === -1 ? request.url : request.url.slice(0, query)) === WEBHOOK_PATH;
}

function securityHeaders(requestId: string): Record<string, string> {
  const headers: Record<string, string> = { "content-security-policy": API_CONTENT_SECURITY_POLICY, "x-request-id": requestId };
  for (const { key, value } of commonSecurityHeaders({ production: env().NODE_ENV === "production" })) headers[key.toLowerCase()] = value;
  return headers;
}

const RECEIVED = JSON.stringify({ received: true });

/**
 * Answers one delivery. `afterAnswer` runs once the answer is sent when this
 * delivery asked for the inbox's processing (the caller dispatches it).
 */
export async function handleWebhookDelivery(request: IncomingMessage, response: ServerResponse, afterAnswer: () => void): Promise<void> {
  const requestId = requestIdFrom(request.headers["x-request-id"] as string | undefined);
  const headers = securityHeaders(requestId);
  await runInRequestContext(requestId, async () => {
    try {
      const signature = request.headers["x-hub-signature-256"];
      const { woke } = await receiveDelivery({ signature: typeof signature === "string" ? signature : null, readBody: (limit) => readNodeBody(request, limit) });
      response.writeHead(200, { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(RECEIVED) });
      response.end(RECEIVED);
      if (woke) afterAnswer();
    } catch (error) {
      const problem = problemFromError(error);
      const body = await problem.text();
      response.writeHead(problem.status, { ...headers, ...Object.fromEntries(problem.headers), "content-length": Buffer.byteLength(body) });
      response.end(body);
    }
  });
}
