// Every HubSpot request goes through here: it waits for a slot in the account's
// request budget (and the search budget for searches), shared by every process
// through PostgreSQL, bounds the request with a socket deadline, and turns
// failures into CRM errors. The official client does
// the wire format; its own retries stay off because retrying is the job's call.
// The client (thousands of modules) is loaded on the first request, so a
// process that never talks to HubSpot (the web server answering webhooks, the
// launcher) never holds it.
import { createHash } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
import type { Client } from "@hubspot/api-client";
import { sharedCoordination, type CrmCoordination } from "@/lib/crm/coordination";
import type { RequestBudget } from "@/lib/crm/request-budget";
import { crmCallResult, metrics } from "@/lib/observability/metrics";
import { HubSpotTimeoutError, toCrmError, type HubSpotRequestKind } from "./errors";

export interface HubSpotConfig {
  accessToken: string;
  /** Defaults to https://api.hubapi.com; tests point it at the fake. */
  basePath?: string;
  /** A request that gets no bytes from HubSpot for this long fails as transient. Default 10 s. */
  timeoutMs?: number;
  /** The account's budget. Default 100 requests per 10 s (HubSpot Free/Starter private apps). */
  rateLimit?: { limit: number; windowMs: number };
  /** Default 4 searches per second. */
  searchRateLimit?: { limit: number; windowMs: number };
  /** The HubSpot account (portal) id; without it the account is told by its base URL and token. */
  portalId?: string;
  /** The request budget and locks shared with other processes; by default through PostgreSQL. */
  coordination?: CrmCoordination;
}

/** A JSON answer with its headers (HubSpot reports the account's API limits in them). */
export interface HubSpotJsonResponse {
  body: unknown;
  headers: Headers;
}

export interface HubSpotGateway {
  /** The HubSpot account, as the request budget and the job throttle key it. */
  readonly accountKey: string;
  /** Runs `work` while no other process runs work for this account and key. */
  serialize<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Runs `work` while no other process runs work for this account and any of these keys. */
  serializeAll<T>(keys: readonly string[], work: () => Promise<T>): Promise<T>;
  call<T>(kind: HubSpotRequestKind, request: (client: Client) => Promise<T>): Promise<T>;
  /** A GET the official client has no method for (e.g. /account-info/v3/details), with the same budget and deadline. */
  getJson(path: string): Promise<HubSpotJsonResponse>;
}

/**
 * A keep-alive agent whose sockets are destroyed after `timeoutMs` without
 * traffic; the client offers no abort signal, but it does take an agent.
 */
function deadlineAgent(basePath: string, timeoutMs: number): http.Agent {
  const agent = basePath.startsWith("https:")
    ? new https.Agent({ keepAlive: true, timeout: timeoutMs })
    : new http.Agent({ keepAlive: true, timeout: timeoutMs });
  const createConnection = agent.createConnection.bind(agent);
  agent.createConnection = (options, callback) => {
    const socket = createConnection(options, callback) as Socket;
    socket.on("timeout", () => socket.destroy(new HubSpotTimeoutError(timeoutMs)));
    return socket;
  };
  return agent;
}

export function createHubSpotGateway(config: HubSpotConfig): HubSpotGateway {
  const basePath = (config.basePath ?? "https://api.hubapi.com").replace(/\/+$/, "");
  const timeoutMs = config.timeoutMs ?? 10_000;
  let client: Promise<Client> | undefined;
  const loadClient = () =>
    (client ??= import("@hubspot/api-client").then(({ Client }) => {
      const loaded = new Client({
        accessToken: config.accessToken,
        basePath,
        numberOfApiCallRetries: 0,
        httpAgent: deadlineAgent(basePath, timeoutMs),
      });
      // The client keeps its retry/limiter decorators in a process-wide singleton,
      // replaced by every `new Client()`, and applies them when an API group is first
      // touched. Touch ours now, so another client built later with retries cannot
      // make these retry behind our budget.
      void [loaded.crm.contacts, loaded.crm.deals, loaded.crm.objects.tasks, loaded.crm.objects.notes, loaded.crm.owners, loaded.crm.properties, loaded.crm.associations.v4];
      return loaded;
    }));
  // The budget belongs to the HubSpot account, identified without keeping the token around.
  const account = config.portalId
    ? `hubspot:${config.portalId}`
    : `hubspot:${basePath}#${createHash("sha256").update(config.accessToken).digest("hex").slice(0, 16)}`;
  const accountBudget: RequestBudget = { key: account, ...(config.rateLimit ?? { limit: 100, windowMs: 10_000 }) };
  const searchBudget: RequestBudget = { key: `${account}:search`, ...(config.searchRateLimit ?? { limit: 4, windowMs: 1_000 }) };
  const coordination = config.coordination ?? sharedCoordination;

  async function call<T>(kind: HubSpotRequestKind, request: (client: Client) => Promise<T>): Promise<T> {
    const loaded = await loadClient();
    await coordination.takeSlot(kind === "search" ? [searchBudget, accountBudget] : [accountBudget]);
    try {
      const result = await request(loaded);
      metrics.crmCalls.inc({ crm: "hubspot", result: crmCallResult() });
      return result;
    } catch (error) {
      metrics.crmCalls.inc({ crm: "hubspot", result: crmCallResult(error) });
      throw toCrmError(error, kind);
    }
  }

  return {
    accountKey: account,
    serialize: (key, work) => coordination.serialize([`${account}:${key}`], work),
    serializeAll: (keys, work) => coordination.serialize(keys.map((key) => `${account}:${key}`), work),
    call,
    getJson: (path) =>
      call("standard", async () => {
        const response = await fetch(`${basePath}${path}`, {
          headers: { authorization: `Bearer ${config.accessToken}`, accept: "application/json" },
          signal: AbortSignal.timeout(timeoutMs),
        }).catch((error: unknown) => {
          throw (error as Error).name === "TimeoutError" ? new HubSpotTimeoutError(timeoutMs) : error;
        });
        const text = await response.text();
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          // Not JSON (an HTML error page): kept as text for the error message.
        }
        // Shaped like the official client's ApiException, so failures read the same.
        if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { code: response.status, body, headers: Object.fromEntries(response.headers) });
        return { body, headers: response.headers };
      }),
  };
}
