// A copy of this checkout for tests that run the README's or the release's
// commands elsewhere: the files a clone of the working tree would hold
// (committed plus local changes, nothing ignored) and the installed
// dependencies as hard links (fast; `npm install` then has nothing to fetch,
// and `npm prune` unlinks without touching ours). npm's own bookkeeping file is
// a real copy, since npm rewrites it.
import { execFileSync, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

export const PROJECT_ROOT = process.cwd();

export function copyCheckout(destination: string): void {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: PROJECT_ROOT, encoding: "utf8" })
    .split("\0")
    .filter((file) => file && statSync(path.join(PROJECT_ROOT, file), { throwIfNoEntry: false })?.isFile());
  mkdirSync(destination, { recursive: true });
  execFileSync("cp", ["--parents", "-t", destination, ...files], { cwd: PROJECT_ROOT });
  execFileSync("cp", ["-al", path.join(PROJECT_ROOT, "node_modules"), destination]);
  const bookkeeping = path.join(destination, "node_modules", ".package-lock.json");
  rmSync(bookkeeping, { force: true });
  copyFileSync(path.join(PROJECT_ROOT, "node_modules", ".package-lock.json"), bookkeeping);
}

/** The environment a new user or operator has: none of this test run's database or server settings. */
export function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extra };
  for (const name of ["DATABASE_URL", "LEADBRIDGE_DATA_DIR", "EMBEDDED_POSTGRES_PORT", "PORT", "HOST", "NODE_ENV", "VITEST", "METRICS_TOKEN", "WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN"]) {
    if (!(name in extra)) delete env[name];
  }
  return env as NodeJS.ProcessEnv;
}

/** Stops a server the test started in its own process group (npm, the launcher and their children). */
export async function stopProcessGroup(child: ChildProcess | undefined, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, signal);
  await exited;
}
