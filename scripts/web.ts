// The production web server (`npm start`: the launcher imports this module and
// calls startWebServer in its own process): Next.js's standalone build, served
// by Node's http server, with one request answered before Next sees it: the
// WhatsApp webhook's POST (lib/ingest/webhook-node.ts), which must keep up with
// 1,000 deliveries per second. Everything else (pages, the API, assets) is
// Next's request handler, exactly as the standalone server.js would run it.
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

export type WebServer = {
  /** Stops taking requests, answers those in flight (cut after 10 s), then closes Next and the database. */
  stop(): Promise<void>;
};

/**
 * Starts Next's standalone build from `.next/standalone` (relative to the
 * working directory) on HOST:PORT. Like the standalone server.js, it makes that
 * folder the process's working directory, and expects NODE_ENV=production.
 */
export async function startWebServer(): Promise<WebServer> {
  const config = env();
  const standalone = path.resolve(".next/standalone");
  // What the standalone server.js does before it starts Next: the build's config, from its own directory.
  const { config: nextConfig } = JSON.parse(readFileSync(path.join(standalone, ".next/required-server-files.json"), "utf8")) as { config: unknown };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(nextConfig);
  process.chdir(standalone);
  const createNextServer = createRequire(path.join(standalone, "server.js"))("next") as CreateNextServer;
  const next = createNextServer({ dev: false, dir: standalone, conf: nextConfig, hostname: config.HOST, port: config.PORT });
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
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= new Promise<void>((resolve) => {
      // Requests still open after 10 s are cut, as a supervisor would.
      const cut = setTimeout(() => server.closeAllConnections(), 10_000);
      server.close(() => {
        clearTimeout(cut);
        resolve();
      });
      server.closeIdleConnections();
    }).then(async () => {
      await next.close?.().catch(() => {});
      await disconnectDb();
    }));
  return { stop };
}
