// The chatbot platform import and the conversations API, through the real
// route handlers with workspace API keys.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GET as getConversation } from "@/app/api/v1/conversations/[id]/route";
import { POST as importPost } from "@/app/api/v1/conversations/import/route";
import { GET as listConversations } from "@/app/api/v1/conversations/route";
import { db } from "@/lib/db/client";
import { noParams, workspaceWithNumber } from "../support/whatsapp";

const FIXTURES = "/work/shared/fixtures/conversations";
type Fixture = { id: string; contact: { wa_id: string; profile_name: string | null }; messages: { id: string; role: string; content: string; at: string }[] };
const fixture = (name: string): Fixture => JSON.parse(readFileSync(`${FIXTURES}/${name}.json`, "utf8")) as Fixture;

/** A fixture, or a small conversation in the same format when the shared fixtures are not on this machine. */
function sample(name: string): Fixture {
  try {
    return fixture(name);
  } catch {
    const base = Date.parse("2026-03-16T15:20:00Z");
    return {
      id: name,
      contact: { wa_id: "16145550190", profile_name: "Meg" },
      messages: [0, 1, 2, 3].map((i) => ({ id: `wamid.${name}.${i}`, role: i % 2 ? "assistant" : "user", content: `message ${i}`, at: new Date(base + i * 60_000).toISOString() })),
    };
  }
}

const importRequest = (body: unknown, key?: string) =>
  new Request("http://127.0.0.1/api/v1/conversations/import", {
    method: "POST",
    headers: { "content-type": "application/json", ...(key && { authorization: `Bearer ${key}` }) },
    body: JSON.stringify(body),
  });
const get = (url: string, key?: string) => new Request(`http://127.0.0.1${url}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });

describe("POST /api/v1/conversations/import", () => {
  it("imports one conversation, ignoring expected/notes/client, and queues its extraction now", async () => {
    const { workspace, apiKey } = await workspaceWithNumber();
    const conversation = sample("conv-d-001");
    const response = await importPost(importRequest(conversation, apiKey), noParams);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { conversations: { externalId: string; id: string; created: boolean; messagesAdded: number }[] };
    expect(body.conversations).toEqual([{ externalId: conversation.id, id: expect.any(String), created: true, messagesAdded: conversation.messages.length }]);
    const stored = await db().conversation.findUniqueOrThrow({ where: { id: body.conversations[0]!.id }, include: { messages: { orderBy: { sentAt: "asc" } } } });
    expect(stored).toMatchObject({ workspaceId: workspace.id, source: "import", externalId: conversation.id, contactWaId: conversation.contact.wa_id, messageCount: conversation.messages.length });
    expect(stored.messages.map((m) => m.providerMessageId)).toEqual(conversation.messages.map((m) => m.id));
    expect(stored.firstMessageAt.toISOString()).toBe(new Date(conversation.messages[0]!.at).toISOString());
    expect(stored.lastUserMessageAt?.toISOString()).toBe(new Date(conversation.messages.filter((m) => m.role === "user").at(-1)!.at).toISOString());
    const items = await db().outboxItem.findMany({ where: { workspaceId: workspace.id, kind: "extract_lead" } });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ dedupeKey: stored.id, payload: { conversationId: stored.id } });
    expect(items[0]!.availableAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("imports an array, is idempotent on re-import, and appends only new messages", async () => {
    const { workspace, apiKey } = await workspaceWithNumber();
    const a = sample("conv-d-002");
    const b = sample("conv-d-003");
    const shortA = { ...a, messages: a.messages.slice(0, 3) };
    const first = (await (await importPost(importRequest([shortA, b], apiKey), noParams)).json()) as { conversations: { created: boolean; messagesAdded: number; id: string }[] };
    expect(first.conversations.map((c) => [c.created, c.messagesAdded])).toEqual([[true, 3], [true, b.messages.length]]);

    const again = (await (await importPost(importRequest([shortA, b], apiKey), noParams)).json()) as typeof first;
    expect(again.conversations.map((c) => [c.created, c.messagesAdded])).toEqual([[false, 0], [false, 0]]);
    expect(again.conversations.map((c) => c.id)).toEqual(first.conversations.map((c) => c.id));

    const appended = (await (await importPost(importRequest(a, apiKey), noParams)).json()) as typeof first;
    expect(appended.conversations[0]).toMatchObject({ created: false, messagesAdded: a.messages.length - 3, id: first.conversations[0]!.id });
    expect(await db().conversation.count({ where: { workspaceId: workspace.id } })).toBe(2);
    expect(await db().message.count({ where: { workspaceId: workspace.id } })).toBe(a.messages.length + b.messages.length);
    expect((await db().conversation.findUniqueOrThrow({ where: { id: first.conversations[0]!.id } })).messageCount).toBe(a.messages.length);
    // One pending extraction per conversation, however often it was imported.
    expect(await db().outboxItem.count({ where: { workspaceId: workspace.id, kind: "extract_lead", status: "pending" } })).toBe(2);
  });

  it("answers 422 with the path of every bad field, and stores nothing", async () => {
    const { workspace, apiKey } = await workspaceWithNumber();
    const good = sample("conv-d-004");
    const bad = {
      ...good,
      id: "",
      contact: { wa_id: "not a number" },
      messages: [{ ...good.messages[0]!, role: "bot" }, { ...good.messages[1]!, at: "yesterday" }, { ...good.messages[2]!, id: good.messages[0]!.id }],
    };
    const response = await importPost(importRequest([good, bad], apiKey), noParams);
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = (await response.json()) as { errors: { path: string; message: string }[] };
    expect(body.errors.map((e) => e.path).sort()).toEqual(["1.contact.wa_id", "1.id", "1.messages.0.role", "1.messages.1.at", "1.messages.2.id"]);
    expect(await db().conversation.count({ where: { workspaceId: workspace.id } })).toBe(0);

    const single = await importPost(importRequest({ id: "x", contact: { wa_id: "5511999999999" }, messages: [] }, apiKey), noParams);
    expect(single.status).toBe(422);
    expect(((await single.json()) as typeof body).errors).toEqual([{ path: "messages", message: "a conversation needs at least one message" }]);
  });

  it("answers 401 without a valid API key", async () => {
    expect((await importPost(importRequest(sample("conv-d-005")), noParams)).status).toBe(401);
    expect((await importPost(importRequest(sample("conv-d-005"), "lb_wrong"), noParams)).status).toBe(401);
  });
});

describe("GET /api/v1/conversations", () => {
  it("lists newest activity first with a cursor, and shows one conversation with its messages in sent order", async () => {
    const { apiKey } = await workspaceWithNumber();
    const other = await workspaceWithNumber();
    const names = ["conv-d-006", "conv-d-007", "conv-d-008", "conv-d-009", "conv-d-010"];
    const imported = names.map((name, i) => {
      const conversation = sample(name);
      // Distinct activity times, oldest first.
      const base = Date.parse("2026-01-01T00:00:00Z") + i * 3_600_000;
      return { ...conversation, id: `${conversation.id}-${i}`, messages: conversation.messages.map((m, j) => ({ ...m, id: `${m.id}-${i}`, at: new Date(base + j * 1000).toISOString() })) };
    });
    // Messages arrive out of order: the API still returns them by time.
    const shuffled = imported.map((c) => ({ ...c, messages: [...c.messages].reverse() }));
    await importPost(importRequest(shuffled, apiKey), noParams);
    await importPost(importRequest(sample("conv-d-011"), other.apiKey), noParams);

    type Page = { conversations: { id: string; externalId: string; lastMessageAt: string }[]; nextCursor: string | null };
    const page1 = (await (await listConversations(get("/api/v1/conversations?limit=2", apiKey), noParams)).json()) as Page;
    expect(page1.conversations.map((c) => c.externalId)).toEqual(["conv-d-010-4", "conv-d-009-3"].map((id) => imported.find((c) => c.id === id)!.id));
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (await (await listConversations(get(`/api/v1/conversations?limit=2&cursor=${page1.nextCursor}`, apiKey), noParams)).json()) as Page;
    const page3 = (await (await listConversations(get(`/api/v1/conversations?limit=2&cursor=${page2.nextCursor}`, apiKey), noParams)).json()) as Page;
    expect([...page1.conversations, ...page2.conversations, ...page3.conversations].map((c) => c.externalId)).toEqual(imported.map((c) => c.id).reverse());
    expect(page3.nextCursor).toBeNull();

    expect((await listConversations(get("/api/v1/conversations?limit=500", apiKey), noParams)).status).toBe(422);
    expect((await listConversations(get("/api/v1/conversations?cursor=garbage", apiKey), noParams)).status).toBe(400);
    expect((await listConversations(get("/api/v1/conversations"), noParams)).status).toBe(401);

    const id = page1.conversations[0]!.id;
    const detail = await getConversation(get(`/api/v1/conversations/${id}`, apiKey), { params: Promise.resolve({ id }) });
    expect(detail.status).toBe(200);
    const { conversation } = (await detail.json()) as { conversation: { messages: { providerMessageId: string; sentAt: string }[] } };
    expect(conversation.messages.map((m) => m.providerMessageId)).toEqual(imported[4]!.messages.map((m) => m.id));

    // Another workspace's conversation, or no such id, is not found.
    expect((await getConversation(get(`/api/v1/conversations/${id}`, other.apiKey), { params: Promise.resolve({ id }) })).status).toBe(404);
    expect((await getConversation(get("/api/v1/conversations/not-a-uuid", apiKey), { params: Promise.resolve({ id: "not-a-uuid" }) })).status).toBe(404);
  });
});
