// The embedded PostgreSQL's lifecycle: first start, joining a running server,
// recovering from a crash's stale lock file, and a clear error on a busy port or
// a data folder that cannot be created. The base folder is private (mkdtemp's
// mode 700): as root, the server's own user cannot enter it, so this also covers
// the cluster kept outside it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ensureEmbeddedPostgres, relocatedClusterDir, type EmbeddedCluster } from "@/lib/db/embedded-postgres";
import { freePort } from "../support/ports";

async function select1(serverUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    return (await client.query<{ one: number }>("SELECT 1 AS one")).rows[0]!.one;
  } finally {
    await client.end();
  }
}

const base = mkdtempSync(path.join(os.tmpdir(), "leadbridge-pg-"));
const clusterDir = path.join(base, "cluster");
const started: EmbeddedCluster[] = [];

afterAll(async () => {
  for (const cluster of started.reverse()) await cluster.stop();
  rmSync(base, { recursive: true, force: true });
  rmSync(relocatedClusterDir(clusterDir), { recursive: true, force: true });
});

describe("ensureEmbeddedPostgres", () => {
  it("creates, starts, joins and restarts after a stale lock", { timeout: 60_000 }, async () => {
    const port = await freePort();
    const first = await ensureEmbeddedPostgres({ clusterDir, port });
    started.push(first);
    expect(first.owned).toBe(true);
    expect(await select1(first.serverUrl)).toBe(1);

    // A second process (here: a second call) joins the running server.
    const second = await ensureEmbeddedPostgres({ clusterDir, port: port + 1 });
    expect(second.owned).toBe(false);
    expect(second.serverUrl).toBe(first.serverUrl);

    // A crash leaves postmaster.pid naming a dead process: the next start must work.
    await first.stop();
    started.pop();
    writeFileSync(path.join(clusterDir, "postmaster.pid"), `999999\n${clusterDir}\n0\n${port}\n\n127.0.0.1\n0 0\nready\n`);
    const restarted = await ensureEmbeddedPostgres({ clusterDir, port });
    started.push(restarted);
    expect(restarted.owned).toBe(true);
    expect(await select1(restarted.serverUrl)).toBe(1);
  });

  it("says clearly when its port is taken by another program", { timeout: 60_000 }, async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as net.AddressInfo).port)));
    try {
      await expect(ensureEmbeddedPostgres({ clusterDir: path.join(base, "busy"), port })).rejects.toThrow(
        new RegExp(`Port ${port} .* in use by another program.*EMBEDDED_POSTGRES_PORT`),
      );
    } finally {
      blocker.close();
    }
  });

  it("names the cause and the fixes when the data folder cannot be created", { timeout: 60_000 }, async () => {
    // A regular file where a folder should be: no user, root included, can create a folder inside it.
    const file = path.join(base, "not-a-folder");
    writeFileSync(file, "");
    const port = await freePort();
    const failure = ensureEmbeddedPostgres({ clusterDir: path.join(file, "data", "postgres"), port });
    await expect(failure).rejects.toThrow(/^The embedded PostgreSQL cannot create its data folder .*not-a-folder\/data \(ENOTDIR\): set LEADBRIDGE_DATA_DIR .*, set DATABASE_URL .*, or run as a normal user\.$/);
    await expect(failure).rejects.toMatchObject({ name: "EmbeddedPostgresError" });
  });
});
