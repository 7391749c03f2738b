// The README's commands wherever the project is cloned: a copy of this checkout
// in a private folder (mktemp's mode 700; owned by root when the tests run as
// root, as /root is on Debian) prepares its database with the launcher's code
// and serves the app with the README's run command. And when the embedded
// PostgreSQL cannot start, the launcher says why in one sentence.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { relocatedClusterDir } from "@/lib/db/embedded-postgres";
import { copyCheckout, stopProcessGroup, PROJECT_ROOT, userEnv } from "../support/checkout-copy";
import { freePort } from "../support/ports";

const base = mkdtempSync(path.join(os.tmpdir(), "leadbridge-private-"));
const checkout = path.join(base, "app");
let server: ChildProcess | undefined;

afterAll(async () => {
  await stopProcessGroup(server, "SIGINT");
  rmSync(base, { recursive: true, force: true });
  rmSync(relocatedClusterDir(path.join(checkout, ".data", "postgres")), { recursive: true, force: true });
});

describe("a checkout in a private folder", () => {
  it("prepares its database and serves the app with the README's run command", { timeout: 300_000 }, async () => {
    expect(statSync(base).mode & 0o777).toBe(0o700);
    copyCheckout(checkout);
    execFileSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: checkout, env: userEnv({}), stdio: "ignore" });

    const databasePort = await freePort();
    const env = userEnv({ EMBEDDED_POSTGRES_PORT: String(databasePort) });
    // The launcher's database preparation (prepareDatabase) through its operator command.
    const migrated = JSON.parse(execFileSync("npm", ["run", "-s", "db:migrate"], { cwd: checkout, env, encoding: "utf8" })) as { database: string; applied: string[] };
    expect(migrated.database).toBe("embedded");
    expect(migrated.applied.length).toBeGreaterThan(0);

    const port = await freePort();
    const dev = spawn("npm", ["run", "dev"], { cwd: checkout, env: { ...env, PORT: String(port) }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    server = dev;
    let output = "";
    dev.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    dev.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));

    const deadline = Date.now() + 240_000;
    let signIn: Response | undefined;
    while (Date.now() < deadline && dev.exitCode === null) {
      signIn = await fetch(`http://127.0.0.1:${port}/sign-in`).catch(() => undefined);
      if (signIn?.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(signIn?.status, output).toBe(200);
    expect(await signIn!.text()).toContain("demo@leadbridge.local");
    // The demo login works: the app reads and writes its database.
    const session = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: `http://127.0.0.1:${port}` },
      body: JSON.stringify({ email: "demo@leadbridge.local", password: "leadbridge-demo" }),
      redirect: "manual",
    });
    expect(session.headers.get("set-cookie"), output).toMatch(/lb_session=/);
  });
});

describe("the launcher, when the embedded PostgreSQL cannot start", () => {
  it("names the cause and the fix in one sentence, with no stack trace", { timeout: 120_000 }, async () => {
    const file = path.join(base, "a-file");
    writeFileSync(file, "");
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync("node_modules/.bin/tsx", ["scripts/serve.ts", "dev"], {
        cwd: PROJECT_ROOT,
        env: userEnv({ LEADBRIDGE_DATA_DIR: path.join(file, "data"), EMBEDDED_POSTGRES_PORT: String(await freePort()) }),
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(1);
    const lines = failure!.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[leadbridge\] cannot start: The embedded PostgreSQL cannot create its data folder .*a-file\/data \(ENOTDIR\): set LEADBRIDGE_DATA_DIR .*, set DATABASE_URL .*, or run as a normal user\.$/);
  });
});
