// The release, built and started as the Dockerfile does it (scripts/release.sh),
// in a copy of this checkout so ours keeps its development dependencies: build,
// prune to production dependencies, run operator commands, start with
// DATABASE_URL, AUTH_SECRET, ENCRYPTION_KEY and APP_URL, then probe: /api/health 200, /api/ready 200
// with the database ok and the background worker reachable, a signed webhook
// stored, its lead extracted by the worker, and /api/metrics counters moved.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { signBody } from "@/lib/ingest/signature";
import { databaseUrl } from "@/lib/env";
import { copyCheckout, stopProcessGroup, userEnv } from "../support/checkout-copy";
import { freePort } from "../support/ports";
import { messagesPayload, textMessage } from "../support/whatsapp";

const base = mkdtempSync(path.join(os.tmpdir(), "leadbridge-release-"));
const release = path.join(base, "app");
const APP_SECRET = "release-test-app-secret";
const METRICS_TOKEN = "release-test-metrics-token";
let server: ChildProcess | undefined;

afterAll(async () => {
  await stopProcessGroup(server);
  rmSync(base, { recursive: true, force: true });
});

const sample = (text: string, line: string) => Number(new RegExp(`^${line.replace(/[{}"]/g, "\\$&")} (\\S+)$`, "m").exec(text)?.[1] ?? 0);

async function until<T>(what: string, timeoutMs: number, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const result = await attempt().catch(() => undefined);
    if (result !== undefined) return result;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("the release", () => {
  it("builds, prunes to production dependencies, starts and serves", { timeout: 1_500_000 }, async () => {
    copyCheckout(release);
    // A workspace takes its quiet period from EXTRACTION_QUIET_SECONDS when it is created.
    const operatorEnv = userEnv({ DATABASE_URL: databaseUrl(), EXTRACTION_QUIET_SECONDS: "0" });
    const run = (args: string[], env = operatorEnv) => execFileSync(args[0]!, args.slice(1), { cwd: release, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

    run(["bash", "scripts/release.sh", "build"], userEnv({}));
    // Only production dependencies are left, and the build brought everything `npm start` needs.
    // (npm keeps `typescript` and `prisma`, optional peers of @prisma/client, but nothing at run time loads them.)
    for (const devOnly of ["tsx", "vitest", "esbuild", "eslint", "node"]) expect(existsSync(path.join(release, "node_modules", devOnly)), devOnly).toBe(false);
    for (const built of ["dist/serve.mjs", "dist/worker.mjs", "dist/jobs-drain.mjs", ".next/standalone/server.js", ".next/standalone/prisma/migrations"]) expect(existsSync(path.join(release, built)), built).toBe(true);
    expect(existsSync(path.join(release, ".next/standalone/node_modules/typescript")), "the server traced typescript").toBe(false);
    const compiled = readdirSync(path.join(release, "dist"), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".mjs"))
      .map((file) => readFileSync(path.join(release, "dist", file), "utf8"));
    expect(compiled.length, "compiled entries and chunks").toBeGreaterThan(20);
    expect(compiled.filter((code) => /from "(typescript|prisma|tsx)(\/[^"]*)?"/.test(code))).toEqual([]);

    // Operator commands run from the pruned tree: migrations as their own step, a workspace, the drain.
    expect(JSON.parse(run(["bash", "scripts/release.sh", "migrate"]))).toMatchObject({ database: "DATABASE_URL", applied: [] });
    const phoneNumberId = `9${Date.now()}`;
    const created = JSON.parse(run(["npm", "run", "-s", "workspace:create", "--", "--name", "Release Test", "--whatsapp-phone-number-id", phoneNumberId, "--default-country", "BR"])) as { workspaceId: string };
    expect(created.workspaceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(run(["npm", "run", "-s", "jobs:drain"]))).toMatchObject({ claimed: expect.any(Number) });

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const started = spawn("bash", ["scripts/release.sh", "start"], {
      cwd: release,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: userEnv({
        DATABASE_URL: databaseUrl(),
        AUTH_SECRET: "release-test-auth-secret-of-32-characters",
        ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
        APP_URL: url,
        PORT: String(port),
        SEED_DEMO: "false",
        WHATSAPP_APP_SECRET: APP_SECRET,
        METRICS_TOKEN,
        EXTRACTION_QUIET_SECONDS: "0",
        WORKER_INTERVAL_SECONDS: "1",
      }),
    });
    server = started;
    let output = "";
    started.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    started.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));

    await until("the health probe", 120_000, async () => {
      if (started.exitCode !== null) throw new Error(`the release exited: ${output}`);
      try {
        run(["bash", "scripts/release.sh", "probe", url]);
        return true;
      } catch {
        return undefined;
      }
    }).catch((error: Error) => {
      throw new Error(`${error.message}\n${output}`);
    });
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    const ready = await fetch(`${url}/api/ready`);
    expect(ready.status, output).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, database: { ok: true }, migrations: { ok: true }, engine: { kind: "worker", reachable: true } });

    const metrics = async () => (await fetch(`${url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    const before = await metrics();

    const waId = "5511987651234";
    const body = JSON.stringify(messagesPayload(phoneNumberId, waId, [textMessage(waId, "Oi, sou a Ana Souza, ana@example.com. Quero um orçamento de seguro auto.", new Date())], "Ana Souza"));
    const delivered = await fetch(`${url}/api/webhooks/whatsapp`, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature-256": signBody(body, APP_SECRET) }, body });
    expect(delivered.status, output).toBe(200);
    // Acknowledged at once; the worker beside the web server stores it from the inbox.
    expect(await delivered.json()).toEqual({ received: true });
    await until("the worker to store the delivery", 60_000, async () => ((await db().message.count({ where: { workspaceId: created.workspaceId } })) === 1 ? true : undefined));

    // The worker beside the web server extracts the lead, and the counters of both processes add up.
    const after = await until("the worker's extraction in /api/metrics", 120_000, async () => {
      const text = await metrics();
      return sample(text, 'leadbridge_extractions_total{provider="embedded",outcome="proposed"}') + sample(text, 'leadbridge_extractions_total{provider="embedded",outcome="insufficient"}') > 0 ? text : undefined;
    });
    expect(sample(after, "leadbridge_webhooks_received_total") - sample(before, "leadbridge_webhooks_received_total")).toBe(1);
    expect(sample(after, "leadbridge_messages_stored_total") - sample(before, "leadbridge_messages_stored_total")).toBe(1);
    expect(await db().leadProposal.count({ where: { workspaceId: created.workspaceId } })).toBe(1);
  });
});
