// Sends outbox items to Inngest as events (event id = outbox id). Called right
// after a change commits (best effort) and by the scheduled resend function for
// items not yet acknowledged. A failed send leaves the item for the next try.
import { db } from "@/lib/db/client";
import { inngestConfigured } from "@/lib/env";
import type { OutboxKind } from "@/lib/outbox/outbox";
import { inngest } from "./client";
import { outboxEventName, type OutboxEventData } from "./events";

/** Items sent this long ago and still pending are sent again (the engine may have lost them). */
const RESEND_AFTER_MS = 10 * 60_000;

export async function dispatchOutbox(options: { limit?: number; now?: Date } = {}): Promise<{ sent: number; error?: string }> {
  if (!inngestConfigured()) return { sent: 0, error: "no Inngest engine configured" };
  const now = options.now ?? new Date();
  const items = await db().outboxItem.findMany({
    where: { status: "pending", OR: [{ dispatchedAt: null }, { dispatchedAt: { lt: new Date(now.getTime() - RESEND_AFTER_MS) } }] },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 200,
    select: { id: true, kind: true, workspaceId: true, payload: true },
  });
  if (items.length === 0) return { sent: 0 };
  try {
    await inngest.send(items.map((item) => ({ id: item.id, name: outboxEventName(item.kind as OutboxKind), data: outboxEventDataOf(item) })));
  } catch (error) {
    return { sent: 0, error: (error as Error).message };
  }
  await db().outboxItem.updateMany({ where: { id: { in: items.map((item) => item.id) } }, data: { dispatchedAt: now } });
  return { sent: items.length };
}

/** The event's data: ids only, the conversation's when the payload names one. */
export function outboxEventDataOf(item: { id: string; workspaceId: string | null; payload: unknown }): OutboxEventData {
  const payload = (item.payload ?? {}) as Record<string, unknown>;
  const conversationId = typeof payload.conversationId === "string" ? payload.conversationId : undefined;
  return { outboxItemId: item.id, workspaceId: item.workspaceId, ...(conversationId ? { conversationId } : {}) };
}
