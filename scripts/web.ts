// The production web server (`npm start` runs it through the launcher): Next.js's
// standalone build, served in this process by Node's http server, with one
// request answered before Next sees it: the WhatsApp webhook's POST
// (lib/ingest/webhook-node.ts), which must keep up with 1,000 deliveries per
// second. Everything else (pages, the API, assets) is Next's request handler,
// exactly as the standalone server.js would run it. Stops on SIGTERM/SIGINT
// after the requests in flight are answered.
import { readFileSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { dispatchInBackground } from "@/inngest/dispatch";
import { disconnectDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { handleWebhookDelivery, isWebhookDelivery } from "@/lib/ingest/webhook-node";
import { logger } from "@/lib/log";

type NextServer = { prepare(): Promise<void>; getRequestHandler(): (request: http.IncomingMessage, response: http.ServerResponse) => Promise<void>; close?(): Promise<void> };
type CreateNextServer = (options: { dev: boolean; dir: string; conf: unknown; hostname: string; port: number }) => NextServer;

const STANDALONE = path.resolve(".next/standalone");
const config = env();

// What the standalone server.js does before it starts Next: the build's config, from its own
// directory, in production mode.
const { config: nextConfig } = JSON.parse(readFileSync(path.join(STANDALONE, ".next/required-server-files.json"), "utf8")) as { config: unknown };
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(nextConfig);
process.chdir(STANDALONE);
const createNextServer = createRequire(path.join(STANDALONE, "server.js"))("next") as CreateNextServer;
const next = createNextServer({ dev: false, dir: STANDALONE, conf: nextConfig, hostname: config.HOST, port: config.PORT });
await next.prepare();
const handleWithNext = next.getRequestHandler();

const server = http.createServer((request, response) => {
  const answered = isWebhookDelivery(request) ? handleWebhookDelivery(request, response, dispatchInBackground) : handleWithNext(request, response);
  answered.catch((error: unknown) => {
    logger.error({ err: error, area: "web" }, "a request failed outside its handler");
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
});

server.listen(config.PORT, config.HOST, () => {
  process.stdout.write(`[leadbridge] web server ready on http://${config.HOST}:${config.PORT}\n`);
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close(async () => {
    await next.close?.().catch(() => {});
    await disconnectDb();
    process.exit(0);
  });
  server.closeIdleConnections();
  // Requests still open after 10 s are cut, as a supervisor would.
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
