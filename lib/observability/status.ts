// What the admins' status strip shows for their workspace: whether the
// background engine is connected, how much of the workspace's background work is
// waiting, and the last CRM sync error (the reason a lead did not reach the CRM).
import { db } from "@/lib/db/client";
import { backgroundEngineStatus, outboxBacklog, type EngineStatus } from "./readiness";

export type WorkspaceStatus = {
  engine: EngineStatus;
  backlog: { depth: number; oldestDueAgeSeconds: number | null };
  lastCrmError: { message: string; at: string } | null;
};

export async function workspaceStatus(workspaceId: string, now = new Date()): Promise<WorkspaceStatus> {
  const [engine, backlog, failed] = await Promise.all([
    backgroundEngineStatus(),
    outboxBacklog(now, workspaceId),
    db().leadProposal.findFirst({
      where: { workspaceId, syncStatus: "failed", syncError: { not: null } },
      orderBy: { updatedAt: "desc" },
      select: { syncError: true, updatedAt: true },
    }),
  ]);
  return { engine, backlog, lastCrmError: failed ? { message: failed.syncError!, at: failed.updatedAt.toISOString() } : null };
}
