// A local fake of Inngest's event API, for testing what the app sends: the SDK's
// `inngest.send()` posts `POST /e/<event key>` with a JSON array of events and
// expects `{ids, status: 200}`. It records every event it accepts, drops an
// event whose id it saw before (as Inngest does for a day), and can fail the
// next sends with a 500.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeEvent = { id?: string; name: string; data: Record<string, unknown> };

export class FakeInngest {
  /** Events accepted, in order; a repeated id is not accepted twice. */
  readonly events: FakeEvent[] = [];
  readonly eventKey = "fake-event-key";
  url = "";
  private server: http.Server | undefined;
  private failures = 0;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `count` sends answer 500. */
  failNext(count: number): void {
    this.failures += count;
  }

  /** Sends succeed again. */
  healthy(): void {
    this.failures = 0;
  }

  /** Accepted events of one item (event data outboxItemId), in order. */
  eventsFor(outboxItemId: string): FakeEvent[] {
    return this.events.filter((event) => event.data.outboxItemId === outboxItemId);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "POST" || req.url !== `/e/${this.eventKey}`) return send(404, { error: "not found", status: 404 });
    if (this.failures > 0) {
      this.failures -= 1;
      return send(500, { error: "internal error", status: 500 });
    }
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as FakeEvent | FakeEvent[];
    const events = Array.isArray(body) ? body : [body];
    const seen = new Set(this.events.map((event) => event.id));
    for (const event of events) if (!event.id || !seen.has(event.id)) this.events.push(event);
    send(200, { ids: events.map((event, index) => event.id ?? `generated-${index}`), status: 200 });
  }
}
