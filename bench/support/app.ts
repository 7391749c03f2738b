// The application as users run it: the production build started by the same
// launcher `npm start` runs (web server, and the background worker beside it
// when no Inngest is configured), on 127.0.0.1 and a free port, against the
// benchmark's database. Its output goes to a log file so the benchmark's own
// stdout stays one JSON object per scenario. Reads the memory of every process
// of the app from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { LOCAL_ENCRYPTION_KEY } from "@/lib/env";
import { RELEASE_START, releaseStartEnv } from "@/tests/support/release-start";

const BUILD_MARKERS = [".next/BUILD_ID", ".next/standalone/server.js", "dist/serve.mjs"];
export const BENCH_LOG_DIR = ".data/bench";

export type ProcessMemory = { pid: number; command: string; rssMb: number; peakRssMb: number };

export type RunningApp = {
  url: string;
  logFile: string;
  /** Every process of the app (the launcher and its descendants), with current and peak RSS. */
  memory(): ProcessMemory[];
  stop(): Promise<void>;
};

export function hasBuild(): boolean {
  return BUILD_MARKERS.every((file) => existsSync(file));
}

/** A port nothing listens on now, on 127.0.0.1 (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // pid (comm) state ppid ...: comm may hold spaces and parentheses.
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

/** `root` and every process below it. */
export function processTree(root: number): number[] {
  const pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name)).map(Number);
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const parent = parentOf(pid);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const tree: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function statusField(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return match ? Number(match[1]) / 1024 : 0;
}

export function processMemory(pid: number): ProcessMemory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).slice(0, 3).join(" ");
    return { pid, command, rssMb: Math.round(statusField(status, "VmRSS")), peakRssMb: Math.round(statusField(status, "VmHWM")) };
  } catch {
    return undefined;
  }
}

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited (code ${child.exitCode}) before serving`);
    try {
      const response = await fetch(`${url}/sign-in`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not answer within ${timeoutMs / 1000} s`);
}

/** Starts the production build; `name` names its log file. */
export async function startApp(name: string, options: { databaseUrl: string; env?: Record<string, string> }): Promise<RunningApp> {
  if (!hasBuild()) throw new Error("no production build: run `npm run build` (or the bench without --no-build)");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  mkdirSync(BENCH_LOG_DIR, { recursive: true });
  const logFile = path.join(BENCH_LOG_DIR, `${name}.log`);
  const log = openSync(logFile, "w");
  const [command, ...args] = RELEASE_START;
  const child = spawn(command, args, {
    // Its own process group, so stopping it stops the web server and the worker too.
    detached: true,
    stdio: ["ignore", log, log],
    env: releaseStartEnv({
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: "bench-only-auth-secret-for-a-throwaway-database",
      // The development key seals CRM tokens in this throwaway database (the bench connects its fake HubSpot with it).
      ENCRYPTION_KEY: LOCAL_ENCRYPTION_KEY,
      APP_URL: url,
      SEED_DEMO: "false",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    }),
  });
  closeSync(log);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    const killer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // Gone already.
      }
    }, 15_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    await waitUntilServing(url, child, 180_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; see ${logFile}`);
  }
  return {
    url,
    logFile,
    memory: () => processTree(child.pid!).flatMap((pid) => processMemory(pid) ?? []),
    stop,
  };
}
