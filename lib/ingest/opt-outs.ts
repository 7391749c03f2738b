// Who asked not to be messaged: read by the follow-up scheduler before it sends
// anything on WhatsApp. Rows are written during ingestion (messages-store.ts).
import { db } from "@/lib/db/client";

export async function isOptedOut(workspaceId: string, waId: string): Promise<boolean> {
  const row = await db().optOut.findUnique({ where: { workspaceId_waId: { workspaceId, waId } }, select: { id: true } });
  return row !== null;
}
