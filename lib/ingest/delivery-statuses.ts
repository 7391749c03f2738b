// Delivery statuses (sent, delivered, read, failed) for messages we sent. Meta
// delivers them late and out of order, so a status only moves a message
// forward (a late "delivered" never overwrites "read"); a status for a message
// we do not know is ignored. A batch's statuses are applied in one statement.
import { Prisma } from "@/lib/db/client";
import { deliveryStatuses, type StatusUpdate } from "./whatsapp-payload";

export type WorkspaceStatus = StatusUpdate & { workspaceId: string };

/** sent < delivered < read < failed; anything else 0. */
const rankOf = (status: string | null) => deliveryStatuses.indexOf(status as (typeof deliveryStatuses)[number]) + 1;
const RANK_SQL = Prisma.sql`(CASE COALESCE(m.delivery_status, '') WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 WHEN 'failed' THEN 4 ELSE 0 END)`;

/** Applies the statuses (each message's furthest one) to the workspaces' messages; returns how many messages changed. */
export async function applyDeliveryStatuses(tx: Prisma.TransactionClient, statuses: readonly WorkspaceStatus[]): Promise<number> {
  const furthest = new Map<string, WorkspaceStatus>();
  for (const status of statuses) {
    const key = `${status.workspaceId}\u0000${status.providerMessageId}`;
    const seen = furthest.get(key);
    if (!seen || rankOf(status.status) > rankOf(seen.status)) furthest.set(key, status);
  }
  if (furthest.size === 0) return 0;
  const list = [...furthest.values()];
  return tx.$executeRaw`
    UPDATE messages m
       SET delivery_status = s.status
      FROM unnest(${list.map((s) => s.workspaceId)}::uuid[], ${list.map((s) => s.providerMessageId)}::text[],
                  ${list.map((s) => s.status)}::text[], ${list.map((s) => rankOf(s.status))}::int[]) AS s(workspace_id, provider_message_id, status, rank)
     WHERE m.workspace_id = s.workspace_id AND m.provider_message_id = s.provider_message_id
       AND ${RANK_SQL} < s.rank`;
}
