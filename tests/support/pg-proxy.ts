// A TCP proxy in front of the test PostgreSQL server, so a test can make the
// database go away as a restart does for its clients: every open connection
// is cut (a transaction in flight is rolled back by the server) and new ones
// are refused until it comes back. It can cut at a chosen moment: when a
// client sends a query containing some text (e.g. the second insert of a
// webhook's messages). Listens on 127.0.0.1, port 0.
import net from "node:net";

export class PgProxy {
  port = 0;
  private server: net.Server | undefined;
  private readonly pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  private down = false;
  private trigger: { text: string; skip: number; onCut: () => void } | undefined;

  constructor(private readonly upstream: { host: string; port: number }) {}

  async start(): Promise<number> {
    this.server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    this.cutAll();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The database goes away: open connections are cut, new ones refused. */
  goDown(): void {
    this.down = true;
    this.cutAll();
  }

  /** The database is back. */
  comeBack(): void {
    this.down = false;
  }

  /**
   * Goes down when a client sends a query containing `text`, after letting
   * `skip` such queries through; resolves when it did.
   */
  goDownOnQuery(text: string, skip = 0): Promise<void> {
    return new Promise((resolve) => {
      this.trigger = { text, skip, onCut: resolve };
    });
  }

  private accept(client: net.Socket): void {
    if (this.down) {
      client.destroy();
      return;
    }
    const upstream = net.connect(this.upstream);
    const pair = { client, upstream };
    this.pairs.add(pair);
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.pairs.delete(pair);
    };
    client.on("error", close).on("close", close);
    upstream.on("error", close).on("close", close);
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
    client.on("data", (chunk: Buffer) => {
      const trigger = this.trigger;
      if (trigger && chunk.includes(trigger.text)) {
        if (trigger.skip > 0) {
          trigger.skip -= 1;
        } else {
          // The query never reaches the server: the database "restarted" just before it.
          this.trigger = undefined;
          this.goDown();
          trigger.onCut();
          return;
        }
      }
      upstream.write(chunk);
    });
  }

  private cutAll(): void {
    for (const { client, upstream } of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.pairs.clear();
  }
}
