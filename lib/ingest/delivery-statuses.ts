// Delivery statuses (sent, delivered, read, failed) for messages we sent. Meta
// delivers them late and out of order, so a status only moves a message
// forward (a late "delivered" never overwrites "read"); a status for a message
// we do not know is ignored.
import { db } from "@/lib/db/client";
import type { StatusUpdate } from "./whatsapp-payload";

/** Applies the statuses to the workspace's messages; returns how many messages changed. */
export async function applyDeliveryStatuses(workspaceId: string, statuses: StatusUpdate[]): Promise<number> {
  let changed = 0;
  for (const status of statuses) {
    changed += await db().$executeRaw`
      UPDATE messages
         SET delivery_status = ${status.status}
       WHERE workspace_id = ${workspaceId}::uuid
         AND provider_message_id = ${status.providerMessageId}
         AND (CASE COALESCE(delivery_status, '') WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 WHEN 'failed' THEN 4 ELSE 0 END)
           < (CASE ${status.status}::text WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 WHEN 'failed' THEN 4 ELSE 0 END)`;
  }
  return changed;
}
