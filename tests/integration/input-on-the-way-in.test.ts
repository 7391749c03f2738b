// Valid requests carrying text PostgreSQL cannot store, or integers past their
// columns: a NUL or a lone surrogate in an imported message or a WhatsApp
// delivery is stored cleaned (it answered 500), a search for them finds
// nothing instead of failing, a 2^31 version is a 422 naming the field, and
// extraction of the cleaned conversation runs.
import { beforeAll, describe, expect, it } from "vitest";
import * as scoresRoute from "@/app/api/v1/conversations/[id]/scores/route";
import * as importRoute from "@/app/api/v1/conversations/import/route";
import * as approveRoute from "@/app/api/v1/leads/[id]/approve/route";
import * as leadsRoute from "@/app/api/v1/leads/route";
import * as webhookRoute from "@/app/api/webhooks/whatsapp/route";
import { db } from "@/lib/db/client";
import { processInbox } from "@/lib/ingest/inbox-processor";
import { extractLead } from "@/lib/leads/extract-lead";
import { call } from "../support/http";
import { configureWebhook, messagesPayload, noParams, signedRequest, textMessage, workspaceWithNumber } from "../support/whatsapp";

let setup: Awaited<ReturnType<typeof workspaceWithNumber>>;
beforeAll(async () => {
  configureWebhook();
  setup = await workspaceWithNumber();
});

const HOSTILE_TEXT = "Oi\u0000, sou a Ana \ud800 ana@example.test, quero o plano \udc00 anual";
const CLEAN_TEXT = "Oi, sou a Ana \uFFFD ana@example.test, quero o plano \uFFFD anual";

describe("text on the way in", () => {
  it("an imported conversation with NUL and lone surrogates is stored cleaned, and extracted", async () => {
    const response = await call(importRoute.POST, "/api/v1/conversations/import", {
      method: "POST",
      key: setup.apiKey,
      body: {
        id: "conv-nul\u0000-1",
        contact: { wa_id: "5511955550001", profile_name: "Ana\u0000 \ud83d" },
        messages: [{ id: "wamid.nul\u0000.1", role: "user", content: HOSTILE_TEXT, at: "2026-03-16T11:20:00-03:00" }],
      },
    });
    expect(response.status).toBe(200);
    const [imported] = ((await response.json()) as { conversations: { id: string; externalId: string }[] }).conversations;
    expect(imported!.externalId).toBe("conv-nul-1");
    const stored = await db().conversation.findUniqueOrThrow({ where: { id: imported!.id }, include: { messages: true } });
    expect(stored.contactProfileName).toBe("Ana \uFFFD");
    expect(stored.messages.map((m) => [m.providerMessageId, m.body])).toEqual([["wamid.nul.1", CLEAN_TEXT]]);
    await extractLead(setup.workspace.id, imported!.id);
    const lead = await db().leadProposal.findUniqueOrThrow({ where: { conversationId: imported!.id } });
    expect(lead.email).toBe("ana@example.test");
  });

  it("a signed WhatsApp delivery with NUL and lone surrogates is stored cleaned (200, not a retry loop)", async () => {
    const body = JSON.stringify(messagesPayload(setup.phoneNumberId, "5511955550002", [textMessage("5511955550002", HOSTILE_TEXT, new Date(), "wamid.hostile\u0000.2")], "Zé\u0000"));
    const response = await webhookRoute.POST(signedRequest(body), noParams);
    expect(response.status).toBe(200);
    // The webhook keeps the delivery in its inbox; the process_inbox job stores it, cleaned.
    expect((await processInbox()).failed).toBe(0);
    const message = await db().message.findFirstOrThrow({ where: { workspaceId: setup.workspace.id, providerMessageId: "wamid.hostile.2" } });
    expect(message.body).toBe(CLEAN_TEXT);
  });

  it("searching the queue for NUL or a lone surrogate answers 200", async () => {
    for (const q of ["%00", "%ED%A0%80", "ana%00%ED%B0%80"]) {
      const response = await leadsRoute.GET(new Request(`http://127.0.0.1/api/v1/leads?q=${q}`, { headers: { authorization: `Bearer ${setup.apiKey}` } }), noParams);
      expect(response.status, q).toBe(200);
    }
  });
});

describe("integers within their columns", () => {
  it("a score version past 2^31 - 1 is a 422 naming `version`; the largest one is stored", async () => {
    const conversation = await db().conversation.findFirstOrThrow({ where: { workspaceId: setup.workspace.id } });
    const push = (version: number) =>
      call(scoresRoute.POST, "/x", { method: "POST", key: setup.apiKey, params: { id: conversation.id }, body: { intent_score: 0.8, objection_type: "price", follow_up_tone: "friendly", version } });
    for (const version of [2 ** 31, 2 ** 53, 1e20]) {
      const response = await push(version);
      expect(response.status, String(version)).toBe(422);
      expect(((await response.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(["version"]);
    }
    expect((await push(2 ** 31 - 1)).status).toBe(201);
  });

  it("a lead action's version past 2^31 - 1 is a 422 naming `version`", async () => {
    const lead = await db().leadProposal.findFirstOrThrow({ where: { workspaceId: setup.workspace.id } });
    const response = await call(approveRoute.POST, "/x", { method: "POST", key: setup.apiKey, params: { id: lead.id }, body: { version: 2 ** 31 } });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(["version"]);
  });
});
