// The production web server's own answer to the WhatsApp webhook's POST
// (lib/ingest/webhook-node.ts), over real HTTP on 127.0.0.1: a burst of signed
// deliveries is kept in the inbox exactly once each
// and stored by the inbox's job; refusals answer as the Next.js route does
// (same status, same problem+json detail), with the API's security headers.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { db } from "@/lib/db/client";
import { processInbox } from "@/lib/ingest/inbox-processor";
import { WEBHOOK_BODY_LIMIT } from "@/lib/ingest/webhook";
import { handleWebhookDelivery, isWebhookDelivery, WEBHOOK_PATH } from "@/lib/ingest/webhook-node";
import { signBody } from "@/lib/ingest/signature";
import { APP_SECRET, configureWebhook, messagesPayload, noParams, textMessage, uniqueId, workspaceWithNumber } from "../support/whatsapp";

let server: http.Server;
let url: string;
let dispatches = 0;

beforeAll(async () => {
  configureWebhook();
  server = http.createServer((request, response) => {
    if (isWebhookDelivery(request)) void handleWebhookDelivery(request, response, () => dispatches++);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${WEBHOOK_PATH}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (body: string, headers: Record<string, string> = {}) => fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
const signed = (body: string) => post(body, { "x-hub-signature-256": signBody(body, APP_SECRET) });

describe("the webhook served before Next.js", () => {
  it("keeps a burst of concurrent deliveries once each, in the inbox, and the job stores every message", async () => {
    const { phoneNumberId, workspace } = await workspaceWithNumber();
    const waIds = Array.from({ length: 40 }, (_, index) => `55119${String(80_000_000 + index)}`);
    const bodies = waIds.map((waId, index) => JSON.stringify(messagesPayload(phoneNumberId, waId, [textMessage(waId, `Olá, mensagem ${index}`, new Date(), uniqueId("wamid"))])));

    const responses = await Promise.all(bodies.map((body) => signed(body)));

    expect(responses.map((response) => response.status)).toEqual(bodies.map(() => 200));
    expect(await responses[0]!.json()).toEqual({ received: true });
    expect(responses[0]!.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(responses[0]!.headers.get("x-content-type-options")).toBe("nosniff");
    expect(responses[0]!.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await db().webhookDelivery.count({ where: { status: "pending" } })).toBe(40);
    // The first delivery asked for processing; the others found the request pending.
    expect(dispatches).toBeGreaterThanOrEqual(1);

    await processInbox();
    expect(await db().message.count({ where: { workspaceId: workspace.id } })).toBe(40);
    expect(await db().webhookDelivery.count()).toBe(0);
  });

  it("refuses what the Next.js route refuses, with the same status and detail", async () => {
    const { phoneNumberId } = await workspaceWithNumber();
    const valid = JSON.stringify(messagesPayload(phoneNumberId, "5511987650000", [textMessage("5511987650000", "Oi", new Date(), uniqueId("wamid"))]));
    const cases: { name: string; body: string; signature?: string }[] = [
      { name: "no signature", body: valid },
      { name: "a wrong signature", body: valid, signature: signBody(`${valid} `, APP_SECRET) },
      { name: "not JSON", body: "{nope", signature: signBody("{nope", APP_SECRET) },
      { name: "not a WhatsApp payload", body: '{"object":"page"}', signature: signBody('{"object":"page"}', APP_SECRET) },
    ];
    for (const { name, body, signature } of cases) {
      const headers: Record<string, string> = signature ? { "x-hub-signature-256": signature } : {};
      const ours = await post(body, headers);
      const next = await POST(new Request("http://127.0.0.1/api/webhooks/whatsapp", { method: "POST", headers, body }), noParams);
      expect(ours.status, name).toBe(next.status);
      expect(ours.headers.get("content-type"), name).toBe("application/problem+json");
      expect((await ours.json()).detail, name).toBe((await next.json()).detail);
    }
    expect(await db().webhookDelivery.count()).toBe(0);
  });

  it("answers 413 to a body over Meta's 3 MB, declared or not", async () => {
    const huge = `{"object":"whatsapp_business_account","entry":[],"pad":"${"x".repeat(WEBHOOK_BODY_LIMIT)}"}`;
    const response = await signed(huge);
    expect(response.status).toBe(413);
    expect((await response.json()).detail).toBe(`The body is larger than ${WEBHOOK_BODY_LIMIT} bytes.`);
    // Streamed without a length: counted while reading.
    const streamed = await new Promise<number>((resolve, reject) => {
      const request = http.request(url, { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      for (let sent = 0; sent <= WEBHOOK_BODY_LIMIT; sent += 1024 * 1024) request.write("x".repeat(1024 * 1024));
      request.end();
    });
    expect(streamed).toBe(413);
    expect(await db().webhookDelivery.count()).toBe(0);
  });

  it("answers 503 while no app secret is configured, and keeps nothing", async () => {
    configureWebhook({ appSecret: null });
    try {
      const response = await post('{"object":"whatsapp_business_account","entry":[]}');
      expect(response.status).toBe(503);
      expect((await response.json()).detail).toBe("The WhatsApp webhook is not configured: set WHATSAPP_APP_SECRET.");
    } finally {
      configureWebhook();
    }
  });

  it("recognizes only a POST to the webhook's path as a delivery", () => {
    const request = (method: string, path: string) => ({ method, url: path }) as http.IncomingMessage;
    expect(isWebhookDelivery(request("POST", "/api/webhooks/whatsapp"))).toBe(true);
    expect(isWebhookDelivery(request("POST", "/api/webhooks/whatsapp?x=1"))).toBe(true);
    expect(isWebhookDelivery(request("GET", "/api/webhooks/whatsapp"))).toBe(false);
    expect(isWebhookDelivery(request("POST", "/api/webhooks/whatsapp/other"))).toBe(false);
    expect(isWebhookDelivery(request("POST", "/api/webhooks"))).toBe(false);
  });
});
