// Fault: the database restarts while a WhatsApp delivery is being stored (a
// proxy in front of PostgreSQL cuts every connection just as the second
// contact's messages are written, and refuses new ones for a moment). The
// webhook answers non-200, so Meta delivers again; nothing half-written stays;
// after the redelivery every message is stored once and its extraction runs,
// leaving nothing claimed or pending.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { db, disconnectDb } from "@/lib/db/client";
import { databaseUrl, publishDatabaseUrl, reloadEnv } from "@/lib/env";
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
  it("answers non-200 so Meta retries, leaves nothing half-written, and the redelivery stores every message once", { timeout: 60_000 }, async () => {
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

    // The first contact's messages are written; the second's never reach the server.
    const restarted = proxy.goDownOnQuery('INSERT INTO "public"."messages"', 1);
    const answer = POST(signedRequest(body), noParams);
    await restarted;
    const first = await answer;
    expect(first.status).toBeGreaterThanOrEqual(500);

    proxy.comeBack();
    // Nothing of the second contact was half-written: no conversation, no message, no work.
    const conversations = await db().conversation.findMany({ where: { workspaceId: workspace.id }, select: { id: true, contactWaId: true, messageCount: true } });
    expect(conversations).toEqual([expect.objectContaining({ contactWaId: "5511911112222", messageCount: 2 })]);
    expect(await db().message.count({ where: { workspaceId: workspace.id } })).toBe(2);
    expect(await db().outboxItem.count({ where: { workspaceId: workspace.id } })).toBe(1);

    // Meta delivers the same payload again.
    const again = await POST(signedRequest(body), noParams);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ stored: 1, duplicates: 2 });

    const messages = await db().message.findMany({ where: { workspaceId: workspace.id }, select: { providerMessageId: true } });
    expect(messages).toHaveLength(3);
    expect(new Set(messages.map((message) => message.providerMessageId)).size).toBe(3);
    const after = await db().conversation.findMany({ where: { workspaceId: workspace.id }, orderBy: { contactWaId: "asc" }, select: { contactWaId: true, messageCount: true } });
    expect(after).toEqual([{ contactWaId: "5511911112222", messageCount: 2 }, { contactWaId: "5511933334444", messageCount: 1 }]);

    // The extractions asked for run, and nothing is left claimed or pending.
    expect(await drainDueWork({ worker: "after-restart" })).toMatchObject({ done: 2, failed: 0 });
    expect(await db().leadProposal.count({ where: { workspaceId: workspace.id } })).toBe(2);
    expect(await db().outboxItem.count({ where: { workspaceId: workspace.id, status: { in: ["pending", "claimed"] } } })).toBe(0);
  });
});
