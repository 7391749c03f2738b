// What an admin does with parked webhooks: list them, and route one to a
// workspace. Routing registers the phone_number_id to that workspace (so the
// next deliveries go straight through) and ingests every unrouted payload
// parked for that number, oldest first, exactly as if it had just arrived.
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { withInboxLock } from "./inbox";
import { parkKindOf } from "./parking";
import { storeDeliveries, workspaceForIngestSelect, type IngestSummary } from "./store-deliveries";
import { readWebhookPayload } from "./whatsapp-payload";

export type ParkedWebhookSummary = {
  id: string;
  kind: ReturnType<typeof parkKindOf>;
  phoneNumberId: string | null;
  reason: string;
  receivedAt: Date;
  routedAt: Date | null;
  routedWorkspaceId: string | null;
};

export async function listParkedWebhooks(options: { includeRouted?: boolean; limit?: number } = {}): Promise<ParkedWebhookSummary[]> {
  const rows = await db().parkedWebhook.findMany({
    where: options.includeRouted ? {} : { routedAt: null },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 100,
    select: { id: true, phoneNumberId: true, reason: true, receivedAt: true, routedAt: true, routedWorkspaceId: true },
  });
  return rows.map((row) => ({ ...row, kind: parkKindOf(row.reason) }));
}

export type RouteResult = { workspaceId: string; phoneNumberId: string | null; numberRegistered: boolean; routed: string[]; ingest: Pick<IngestSummary, "stored" | "duplicates" | "badMessages" | "statusesApplied" | "conversationIds"> };

/** Ingests a parked webhook (and every other one parked for its number) into `workspaceId`. */
export async function routeParkedWebhook(parkedId: string, workspaceId: string, options: { now?: Date } = {}): Promise<RouteResult> {
  if (!/^[0-9a-f-]{36}$/i.test(parkedId)) throw notFound("Parked webhook");
  const parked = await db().parkedWebhook.findUnique({ where: { id: parkedId }, select: { id: true, phoneNumberId: true, reason: true, routedAt: true, payload: true } });
  if (!parked) throw notFound("Parked webhook");
  if (parked.routedAt) throw new AppError("conflict", `Parked webhook ${parked.id} was already routed.`);
  if (parkKindOf(parked.reason) === "bad_message") {
    throw new AppError("conflict", "This parked item is a message that could not be read; it is kept for inspection and cannot be routed.");
  }
  const workspace = await db().workspace.findUnique({ where: { id: workspaceId }, select: workspaceForIngestSelect });
  if (!workspace) throw notFound("Workspace");

  let numberRegistered = false;
  if (parked.phoneNumberId) {
    const owner = await db().whatsAppNumber.findUnique({ where: { phoneNumberId: parked.phoneNumberId }, select: { workspaceId: true } });
    if (owner && owner.workspaceId !== workspace.id) {
      throw new AppError("conflict", `phone_number_id ${parked.phoneNumberId} already belongs to another workspace.`);
    }
    if (!owner) {
      const changes = readWebhookPayload(parked.payload);
      await db().whatsAppNumber.createMany({
        data: [{ workspaceId: workspace.id, phoneNumberId: parked.phoneNumberId, displayPhoneNumber: changes.find((c) => c.displayPhoneNumber)?.displayPhoneNumber ?? null }],
        skipDuplicates: true,
      });
      numberRegistered = true;
    }
  }

  // The chosen row, then every other unrouted (routable) row parked for the same number.
  const siblings = parked.phoneNumberId
    ? await db().parkedWebhook.findMany({
        where: { phoneNumberId: parked.phoneNumberId, routedAt: null, id: { not: parked.id }, NOT: { reason: { startsWith: "bad_message" } } },
        orderBy: { receivedAt: "asc" },
        select: { id: true, payload: true },
      })
    : [];
  // Stored as the inbox stores deliveries, under its lock, the number now owned by the workspace.
  const rows = [parked, ...siblings];
  const summary = await withInboxLock(async (tx) => {
    const stored = await storeDeliveries(
      tx,
      rows.map((row) => readWebhookPayload(row.payload, options.now).filter((change) => change.field === "messages")),
      { now: options.now },
    );
    await tx.parkedWebhook.updateMany({ where: { id: { in: rows.map((row) => row.id) } }, data: { routedAt: new Date(), routedWorkspaceId: workspace.id } });
    return stored;
  });
  const routed = rows.map((row) => row.id);
  const { stored, duplicates, badMessages, statusesApplied, conversationIds } = summary;
  return { workspaceId: workspace.id, phoneNumberId: parked.phoneNumberId, numberRegistered, routed, ingest: { stored, duplicates, badMessages, statusesApplied, conversationIds } };
}
