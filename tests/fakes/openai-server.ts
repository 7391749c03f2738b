// A local OpenAI-compatible server for tests: POST /v1/chat/completions on
// 127.0.0.1 (port 0) that answers like the real API (chat.completion bodies,
// 401/404/400/429/5xx with OpenAI error bodies, Retry-After headers). Each
// request is answered by the next scripted reply, or by a responder function.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ChatRequest {
  model: string;
  messages: Array<{ role: string; content: string }>;
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  [key: string]: unknown;
}

export type FakeReply =
  /** A successful completion whose message content is this text. */
  | { kind: "content"; content: string; delayMs?: number }
  /** An API error as the real service sends it. */
  | { kind: "error"; status: number; message: string; type?: string; code?: string | null; retryAfterMs?: number; delayMs?: number }
  /** Accept the request and never answer (until the server closes). */
  | { kind: "hang" };

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: ChatRequest;
}

export interface FakeOpenAiServer {
  /** Base URL to give the SDK, ending in /v1. */
  baseURL: string;
  apiKey: string;
  requests: RecordedRequest[];
  /** Replies used in order, one per request. */
  enqueue(...replies: FakeReply[]): void;
  /** Used when the queue is empty. */
  respondWith(responder: (request: ChatRequest) => FakeReply): void;
  close(): Promise<void>;
}

const ERROR_TYPES: Record<number, { type: string; code: string | null }> = {
  400: { type: "invalid_request_error", code: null },
  401: { type: "invalid_request_error", code: "invalid_api_key" },
  404: { type: "invalid_request_error", code: "unknown_url" },
  429: { type: "requests", code: "rate_limit_exceeded" },
  500: { type: "server_error", code: null },
  503: { type: "server_error", code: "service_unavailable" },
};

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text).toString(), "x-request-id": `req_${Date.now()}`, ...headers });
  response.end(text);
}

function sendError(response: ServerResponse, status: number, message: string, extra: { type?: string; code?: string | null; headers?: Record<string, string> } = {}): void {
  const defaults = ERROR_TYPES[status] ?? { type: "server_error", code: null };
  sendJson(response, status, { error: { message, type: extra.type ?? defaults.type, param: null, code: extra.code === undefined ? defaults.code : extra.code } }, extra.headers);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

let completionCounter = 0;

function completionBody(model: string, content: string) {
  completionCounter++;
  return {
    id: `chatcmpl-fake${completionCounter}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    system_fingerprint: "fp_fake",
    choices: [{ index: 0, message: { role: "assistant", content, refusal: null, annotations: [] }, logprobs: null, finish_reason: "stop" }],
    usage: { prompt_tokens: 100, completion_tokens: Math.ceil(content.length / 4), total_tokens: 100 + Math.ceil(content.length / 4) },
  };
}

export async function startFakeOpenAiServer(apiKey = "sk-test-fake"): Promise<FakeOpenAiServer> {
  const queue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  let responder: ((request: ChatRequest) => FakeReply) | null = null;
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const server = createServer(async (request, response) => {
    const path = (request.url ?? "/").split("?")[0]!;
    if (request.method !== "POST" || path !== "/v1/chat/completions") {
      sendError(response, 404, `Invalid URL (${request.method} ${path})`);
      return;
    }
    const authorization = request.headers.authorization;
    if (authorization !== `Bearer ${apiKey}`) {
      sendError(response, 401, "Incorrect API key provided.");
      return;
    }
    let body: ChatRequest;
    try {
      body = JSON.parse(await readBody(request)) as ChatRequest;
    } catch {
      sendError(response, 400, "We could not parse the JSON body of your request.");
      return;
    }
    if (typeof body.model !== "string" || !Array.isArray(body.messages) || body.messages.length === 0) {
      sendError(response, 400, "Missing required parameter: 'model' or 'messages'.", { code: "missing_required_parameter" });
      return;
    }
    requests.push({ path, authorization, body });
    const reply = queue.shift() ?? responder?.(body) ?? { kind: "error", status: 500, message: "The fake has no reply scripted for this request." };
    if (reply.kind === "hang") return;
    if (reply.delayMs) await wait(reply.delayMs);
    if (response.destroyed) return;
    if (reply.kind === "error") {
      const headers: Record<string, string> = reply.retryAfterMs === undefined ? {} : { "retry-after-ms": String(reply.retryAfterMs), "retry-after": String(Math.ceil(reply.retryAfterMs / 1000)) };
      if (reply.status === 429) Object.assign(headers, { "x-ratelimit-limit-requests": "500", "x-ratelimit-remaining-requests": "0" });
      sendError(response, reply.status, reply.message, { type: reply.type, code: reply.code, headers });
      return;
    }
    sendJson(response, 200, completionBody(body.model, reply.content));
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    apiKey,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    respondWith: (next) => {
      responder = next;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
