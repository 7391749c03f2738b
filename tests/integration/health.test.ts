// Health, readiness and metrics through the real route handlers: liveness
// without the database, readiness from a migrated database (503 for one with
// pending migrations, and for a database that was stopped), and Prometheus
// counters behind METRICS_TOKEN that move when a webhook is stored.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { GET as ready } from "@/app/api/ready/route";
import { GET as status } from "@/app/api/v1/status/route";
import { POST as webhook } from "@/app/api/webhooks/whatsapp/route";
import { db } from "@/lib/db/client";
import { ensureEmbeddedPostgres, relocatedClusterDir } from "@/lib/db/embedded-postgres";
import { adminQuery, applyMigrations, ensureDatabaseExists } from "@/lib/db/migrations";
import { databaseUrl, publishDatabaseUrl, reloadEnv } from "@/lib/env";
import type { Readiness } from "@/lib/observability/readiness";
import { call } from "../support/http";
import { signInCookie, twoWorkspaces } from "../support/people";
import { freePort } from "../support/ports";
import { configureWebhook, deliver, messagesPayload, noParams, signedRequest, textMessage, uniqueId, workspaceWithNumber } from "../support/whatsapp";

const METRICS_TOKEN = "integration-metrics-token";
const get = (handler: typeof health, url: string, headers: Record<string, string> = {}) => handler(new Request(`http://app.test${url}`, { headers }), noParams);
const readiness = async () => {
  const response = await get(ready, "/api/ready");
  return { status: response.status, body: (await response.json()) as Readiness };
};
/** The value of a sample line (`name{labels} value`) in Prometheus text, 0 when absent. */
const sample = (text: string, line: string) => Number(new RegExp(`^${line.replace(/[{}"]/g, "\\$&")} (\\S+)$`, "m").exec(text)?.[1] ?? 0);

const testDatabase = databaseUrl();
beforeAll(() => configureWebhook());
afterAll(() => {
  publishDatabaseUrl(testDatabase);
  delete process.env.METRICS_TOKEN;
  reloadEnv();
});

describe("GET /api/health", () => {
  it("answers 200 with a request id, whatever the database", async () => {
    const response = await get(health, "/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });
});

describe("GET /api/ready", () => {
  it("is ready on a migrated database and reports the engine and the outbox", async () => {
    const { status, body } = await readiness();
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ ready: true, database: { ok: true }, migrations: { ok: true, pending: [] }, engine: { kind: "none", reachable: false } });
    expect(body.outbox).toMatchObject({ depth: expect.any(Number) });
  });

  it("is not ready while migrations are pending", async () => {
    const empty = new URL(testDatabase);
    empty.pathname = `/${uniqueId("unmigrated").replaceAll("-", "_")}`;
    await ensureDatabaseExists(empty.toString());
    publishDatabaseUrl(empty.toString());
    try {
      const { status, body } = await readiness();
      expect(status).toBe(503);
      expect(body).toMatchObject({ ready: false, database: { ok: true }, migrations: { ok: false } });
      expect(body.migrations.pending.length).toBeGreaterThan(0);
    } finally {
      publishDatabaseUrl(testDatabase);
      await adminQuery(empty.toString(), `DROP DATABASE IF EXISTS "${empty.pathname.slice(1)}" WITH (FORCE)`);
    }
  });

  it("reports a database that was stopped as not ready", { timeout: 120_000 }, async () => {
    const base = mkdtempSync(path.join(os.tmpdir(), "leadbridge-ready-"));
    const clusterDir = path.join(base, "postgres");
    const port = await freePort();
    const cluster = await ensureEmbeddedPostgres({ clusterDir, port });
    try {
      const url = `${cluster.serverUrl}/leadbridge`;
      await ensureDatabaseExists(url);
      await applyMigrations(url);
      publishDatabaseUrl(url);
      expect((await readiness()).status).toBe(200);

      await cluster.stop();
      const { status, body } = await readiness();
      expect(status).toBe(503);
      expect(body).toMatchObject({ ready: false, database: { ok: false }, outbox: null });
      expect(body.database.error).toBeTruthy();
    } finally {
      publishDatabaseUrl(testDatabase);
      await cluster.stop();
      rmSync(base, { recursive: true, force: true });
      rmSync(relocatedClusterDir(clusterDir), { recursive: true, force: true });
    }
  });
});

describe("GET /api/metrics", () => {
  it("is off without METRICS_TOKEN and refuses a wrong token", async () => {
    delete process.env.METRICS_TOKEN;
    reloadEnv();
    expect((await get(metricsRoute, "/api/metrics")).status).toBe(503);
    process.env.METRICS_TOKEN = METRICS_TOKEN;
    reloadEnv();
    expect((await get(metricsRoute, "/api/metrics")).status).toBe(401);
    expect((await get(metricsRoute, "/api/metrics", { authorization: "Bearer wrong-token-of-some-length" })).status).toBe(401);
  });

  it("counts webhooks received and refused and messages stored, with the database gauges", async () => {
    process.env.METRICS_TOKEN = METRICS_TOKEN;
    reloadEnv();
    const scrape = async () => {
      const response = await get(metricsRoute, "/api/metrics", { authorization: `Bearer ${METRICS_TOKEN}` });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
      return response.text();
    };
    const before = await scrape();
    const { phoneNumberId } = await workspaceWithNumber();
    const payload = messagesPayload(phoneNumberId, "5511987650000", [textMessage("5511987650000", "Oi, quero um orçamento", new Date())]);
    expect((await deliver(payload)).response.status).toBe(200);
    expect((await webhook(signedRequest(JSON.stringify(payload), { signature: "sha256=00" }), noParams)).status).toBe(401);
    const after = await scrape();

    expect(sample(after, "leadbridge_webhooks_received_total") - sample(before, "leadbridge_webhooks_received_total")).toBe(2);
    expect(sample(after, 'leadbridge_webhooks_refused_total{reason="unauthorized"}') - sample(before, 'leadbridge_webhooks_refused_total{reason="unauthorized"}')).toBe(1);
    expect(sample(after, "leadbridge_messages_stored_total") - sample(before, "leadbridge_messages_stored_total")).toBe(1);
    // The stored message asked for an extraction: the outbox gauge shows it.
    expect(sample(after, 'leadbridge_outbox_depth{kind="extract_lead"}')).toBeGreaterThanOrEqual(1);
    expect(after).toContain("# TYPE leadbridge_crm_calls_total counter");
    expect(after).toContain("# TYPE leadbridge_sync_latency_seconds histogram");
  });
});

describe("GET /api/v1/status (the admins' status strip)", () => {
  it("shows admins the engine, their workspace's backlog and last CRM error; refuses others", async () => {
    const { a, b, reviewerA, managerA } = await twoWorkspaces();
    const conversation = await db().conversation.create({ data: { workspaceId: a.workspaceId, source: "import", contactWaId: "5511900000001", firstMessageAt: new Date(), lastMessageAt: new Date() } });
    await db().leadProposal.create({ data: { workspaceId: a.workspaceId, conversationId: conversation.id, status: "approved", syncStatus: "failed", syncError: "HubSpot refused the token (401)" } });
    await db().outboxItem.createMany({
      data: [
        { workspaceId: a.workspaceId, kind: "sync_lead", payload: {}, availableAt: new Date(Date.now() - 90_000) },
        { workspaceId: b.workspaceId, kind: "sync_lead", payload: {} },
      ],
    });

    const response = await call(status, "/api/v1/status", { cookie: await signInCookie("admin@alpha.test") });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ engine: { kind: "none", reachable: false }, backlog: { depth: 1 }, lastCrmError: { message: "HubSpot refused the token (401)" } });
    expect(body.backlog.oldestDueAgeSeconds).toBeGreaterThanOrEqual(89);

    expect((await call(status, "/api/v1/status", { cookie: await signInCookie(managerA.email) })).status).toBe(403);
    expect((await call(status, "/api/v1/status", { cookie: await signInCookie(reviewerA.email) })).status).toBe(403);
    expect((await call(status, "/api/v1/status", { key: a.apiKey.key })).status).toBe(403);
  });
});
