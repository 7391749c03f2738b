// Fault: the database restarts while WhatsApp deliveries are being stored from
// the webhook inbox (a proxy in front of PostgreSQL cuts every connection just
// as the batch's messages are written, and refuses new ones for a moment). The
// webhook had already answered 200 (the delivery was in the inbox); the run
// fails and leaves nothing half-written, the delivery still pending (never
// marked failed for the database's outage); the next run stores every message
// once, a redelivery by Meta adds nothing, and the extractions run, leaving
// nothing claimed or pending.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { db, disconnectDb } from "@/lib/db/client";
import { databaseUrl, publishDatabaseUrl, reloadEnv } from "@/lib/env";
import { processInbox } from "@/lib/ingest/inbox-processor";
import { drainDueWork } from "@/lib/jobs/drain";
import { PgProxy } from "@/tests/support/pg-proxy";
import { change, configureWebhook, noParams, signedRequest, textMessage, webhookPayload, workspaceWithNumber } from "@/tests/support/whatsapp";

let proxy: PgProxy;

beforeAll(async () => {
  const direct = new URL(databaseUrl());
  proxy = new PgProxy({ host: direct.hostname, port: Number(direct.port) });
  await proxy.start();
  const throughProxy = new URL(direct);
  throughProxy.port = String(proxy.port);
  publishDatabaseUrl(throughProxy.toString());
  process.env.EXTRACTION_QUIET_SECONDS = "0";
  configureWebhook();
});

afterAll(async () => {
  proxy.comeBack();
  await disconnectDb();
  await proxy.stop();
  delete process.env.EXTRACTION_QUIET_SECONDS;
  reloadEnv();
});

describe("a database restart during ingestion", () => {
  it("fails the inbox run without half-writing or blaming the delivery; the retry stores every message once", { timeout: 60_000 }, async () => {
    const { workspace, phoneNumberId } = await workspaceWithNumber();
    const at = new Date(Date.now() - 60_000);
    const body = JSON.stringify(
      webhookPayload(
        change(phoneNumberId, {
          contacts: [{ waId: "5511911112222", name: "Ana" }, { waId: "5511933334444", name: "Caio" }],
          messages: [
            textMessage("5511911112222", "Oi, aqui é a Ana Souza", at),
            textMessage("5511911112222", "Quero um orçamento de painel solar", new Date(at.getTime() + 1_000)),
            textMessage("5511933334444", "Olá, sou o Caio, preciso de uma bateria", at),
          ],
        }),
      ),
    );

    const answer = await POST(signedRequest(body), noParams);
    expect(answer.status).toBe(200);
    const inbox = () => db().webhookDelivery.findMany({ select: { status: true, body: true } });

    // The batch's messages never reach the server; the run fails.
    const restarted = proxy.goDownOnQuery("INSERT INTO messages", 0);
    const run = processInbox();
    await restarted;
    await expect(run).rejects.toThrow();

    proxy.comeBack();
    // Nothing was half-written, and the delivery waits, pending, with nothing blamed on it.
    expect(await db().conversation.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await db().message.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await db().outboxItem.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await inbox()).toEqual([{ status: "pending", body }]);

    // The runner's retry stores it; Meta's redelivery of the same payload adds nothing.
    expect(await processInbox()).toMatchObject({ stored: 3, duplicates: 0, failed: 0 });
    expect((await POST(signedRequest(body), noParams)).status).toBe(200);
    expect(await processInbox()).toMatchObject({ stored: 0, duplicates: 3, failed: 0 });
    expect(await inbox()).toEqual([]);

    const messages = await db().message.findMany({ where: { workspaceId: workspace.id }, select: { providerMessageId: true } });
    expect(messages).toHaveLength(3);
    expect(new Set(messages.map((message) => message.providerMessageId)).size).toBe(3);
    const after = await db().conversation.findMany({ where: { workspaceId: workspace.id }, orderBy: { contactWaId: "asc" }, select: { contactWaId: true, messageCount: true } });
    expect(after).toEqual([{ contactWaId: "5511911112222", messageCount: 2 }, { contactWaId: "5511933334444", messageCount: 1 }]);

    // The extractions asked for run, and nothing is left claimed or pending.
    expect(await drainDueWork({ worker: "after-restart" })).toMatchObject({ failed: 0, byKind: { extract_lead: { done: 2, failed: 0 } } });
    expect(await db().leadProposal.count({ where: { workspaceId: workspace.id } })).toBe(2);
    expect(await db().outboxItem.count({ where: { workspaceId: workspace.id, status: { in: ["pending", "claimed"] } } })).toBe(0);
  });
});
