// Read access to follow-ups, scoped to one workspace.
import { db } from "@/lib/db/client";

export async function listFollowUps(workspaceId: string, limit = 100) {
  return db().followUp.findMany({
    where: { workspaceId },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, dueAt: true, timezone: true, channel: true, reason: true, status: true, contact: { select: { name: true } } },
  });
}
