// Deliveries for a phone_number_id no workspace owns are answered 200 (Meta
// would retry for days), parked, and routed later by an admin.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listParkedWebhooks, routeParkedWebhook } from "@/lib/ingest/parked-routing";
import { configureWebhook, deliver, messagesPayload, textMessage, uniqueId, workspaceWithNumber } from "../support/whatsapp";

const post = async (payload: unknown) => (await deliver(payload)).response;

beforeAll(() => configureWebhook());

describe("parked webhooks", () => {
  it("parks a delivery for an unknown number, then routes it (and later ones for the number) into a workspace", async () => {
    const unknownNumber = uniqueId("unknown-pnid");
    const waId = "5511955550001";
    const first = messagesPayload(unknownNumber, waId, [textMessage(waId, "Oi, vocês instalam em Campinas?", new Date(Date.now() - 60_000))]);
    const { response, stored } = await deliver(first);
    expect(response.status).toBe(200);
    expect(stored).toMatchObject({ stored: 0, parked: 1, failed: 0 });
    // The same delivery again is not parked twice; a new one is.
    await post(first);
    await post(messagesPayload(unknownNumber, waId, [textMessage(waId, "Meu nome é Rita", new Date())]));
    const listed = (await listParkedWebhooks()).filter((row) => row.phoneNumberId === unknownNumber);
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatchObject({ kind: "unknown_phone_number_id", routedAt: null });
    expect(await db().message.count()).toBe(0);

    const { workspace } = await workspaceWithNumber();
    const result = await routeParkedWebhook(listed[1]!.id, workspace.id);
    expect(result).toMatchObject({ workspaceId: workspace.id, phoneNumberId: unknownNumber, numberRegistered: true, ingest: { stored: 2 } });
    expect(result.routed).toHaveLength(2);
    const conversation = await db().conversation.findFirstOrThrow({ where: { workspaceId: workspace.id }, include: { messages: { orderBy: { sentAt: "asc" } } } });
    expect(conversation.messages.map((m) => m.body)).toEqual(["Oi, vocês instalam em Campinas?", "Meu nome é Rita"]);
    expect(await db().outboxItem.count({ where: { workspaceId: workspace.id, kind: "extract_lead", status: "pending" } })).toBe(1);
    expect(await listParkedWebhooks()).toHaveLength(0);
    expect(await listParkedWebhooks({ includeRouted: true })).toHaveLength(2);

    // The number is registered now: the next delivery goes straight to the workspace.
    await post(messagesPayload(unknownNumber, waId, [textMessage(waId, "Quando podem vir?", new Date())]));
    expect(await db().message.count({ where: { workspaceId: workspace.id } })).toBe(3);
    await expect(routeParkedWebhook(listed[1]!.id, workspace.id)).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses to route to a missing workspace, a number owned elsewhere, or an unreadable message", async () => {
    const number = uniqueId("pnid-x");
    await post(messagesPayload(number, "1555000", [textMessage("1555000", "hi", new Date())]));
    const [parked] = (await listParkedWebhooks()).filter((row) => row.phoneNumberId === number);
    await expect(routeParkedWebhook(parked!.id, "00000000-0000-0000-0000-000000000000")).rejects.toMatchObject({ code: "not_found" });
    await expect(routeParkedWebhook("nope", "00000000-0000-0000-0000-000000000000")).rejects.toMatchObject({ code: "not_found" });

    const owner = await workspaceWithNumber();
    const other = await workspaceWithNumber();
    await db().whatsAppNumber.create({ data: { workspaceId: owner.workspace.id, phoneNumberId: number } });
    await expect(routeParkedWebhook(parked!.id, other.workspace.id)).rejects.toMatchObject({ code: "conflict" });

    await post(messagesPayload(owner.phoneNumberId, "1555000", [{ id: "wamid.bad", from: "1555000", timestamp: "soon", type: "text" }]));
    const bad = (await listParkedWebhooks()).find((row) => row.kind === "bad_message");
    expect(bad).toBeDefined();
    await expect(routeParkedWebhook(bad!.id, owner.workspace.id)).rejects.toMatchObject({ code: "conflict" });
  });
});
