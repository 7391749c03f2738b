// Several fake HubSpot accounts behind one address, as HubSpot is: each request
// goes to the account whose private-app token it carries (each with its own
// records, owners, pipelines and request budget); an unknown token gets
// HubSpot's 401. HUBSPOT_BASE_URL is one setting per deployment, so tests of
// two workspaces on two accounts point it here.
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { FakeHubSpot, type FakeHubSpotOptions } from "./hubspot-server";

const UNAUTHORIZED = {
  status: "error",
  message: "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
  correlationId: "00000000-0000-4000-8000-000000000000",
  category: "INVALID_AUTHENTICATION",
};

export class FakeHubSpotAccounts {
  url = "";
  /** Requests whose token no account has, oldest first. */
  readonly refused: { method: string; path: string }[] = [];
  private readonly accounts = new Map<string, FakeHubSpot>();
  private server: http.Server | undefined;
  private readonly sockets = new Set<Socket>();

  /** A new account reached with `options.accessToken` (required: it is how HubSpot tells accounts apart). */
  addAccount(options: FakeHubSpotOptions & { accessToken: string }): FakeHubSpot {
    if (this.accounts.has(options.accessToken)) throw new Error("two fake accounts with one token");
    const account = new FakeHubSpot(options);
    account.url = this.url;
    this.accounts.set(options.accessToken, account);
    return account;
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      const account = token ? this.accounts.get(token) : undefined;
      if (account) return void account.handle(req, res);
      this.refused.push({ method: req.method ?? "GET", path: req.url ?? "/" });
      req.resume();
      res.writeHead(401, { "content-type": "application/json;charset=utf-8" });
      res.end(JSON.stringify(UNAUTHORIZED));
    });
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    for (const account of this.accounts.values()) account.url = this.url;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
