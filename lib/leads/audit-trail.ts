// The audit log of one lead, newest first, as the review screen shows it.
import { db } from "@/lib/db/client";

export async function listAuditTrail(workspaceId: string, proposalId: string) {
  return db().auditEvent.findMany({
    where: { workspaceId, targetType: "lead_proposal", targetId: proposalId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, action: true, actorLabel: true, actorType: true, before: true, after: true, createdAt: true },
  });
}
