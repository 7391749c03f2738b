// A local Slack incoming webhook for tests: POST /services/<path> on 127.0.0.1
// (port 0) answering as Slack does: 200 "ok" for a JSON body with `text` or
// `blocks`, 400 "invalid_payload" / "no_text" otherwise, and scripted failures
// (500, or 429 with Retry-After) when a test asks for them.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type SlackFailure = { status: 429 | 500 | 503 | 404; retryAfterSeconds?: number };

export interface FakeSlackWebhook {
  url: string;
  /** Bodies of the messages Slack accepted. */
  received: { text?: string; blocks?: unknown[] }[];
  /** The next requests fail like this, one each, before messages are accepted again. */
  failNext(...failures: SlackFailure[]): void;
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeSlackWebhook(): Promise<FakeSlackWebhook> {
  const received: FakeSlackWebhook["received"] = [];
  const failures: SlackFailure[] = [];
  const server = createServer(async (request, response) => {
    const raw = await bodyOf(request);
    if (request.method !== "POST" || !request.url?.startsWith("/services/")) {
      response.writeHead(404, { "content-type": "text/plain" }).end("no_service");
      return;
    }
    const failure = failures.shift();
    if (failure) {
      const headers: Record<string, string> = { "content-type": "text/plain" };
      if (failure.retryAfterSeconds !== undefined) headers["retry-after"] = String(failure.retryAfterSeconds);
      response.writeHead(failure.status, headers).end(failure.status === 429 ? "rate_limited" : "internal_error");
      return;
    }
    let body: { text?: unknown; blocks?: unknown };
    try {
      body = JSON.parse(raw) as typeof body;
    } catch {
      response.writeHead(400, { "content-type": "text/plain" }).end("invalid_payload");
      return;
    }
    if (typeof body.text !== "string" && !Array.isArray(body.blocks)) {
      response.writeHead(400, { "content-type": "text/plain" }).end("no_text");
      return;
    }
    received.push(body as FakeSlackWebhook["received"][number]);
    response.writeHead(200, { "content-type": "text/plain" }).end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/XXXX`,
    received,
    failNext: (...next) => failures.push(...next),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
