// The funnel managers read: conversations -> proposed -> approved -> synced ->
// followed up, with each stage's conversion from the one before.
import { db } from "@/lib/db/client";

export type FunnelStage = { key: string; label: string; count: number; conversion: number | null; dropOff: number | null };

/** Pure: turns stage counts into conversion and drop-off from the previous stage. */
export function funnelFromCounts(counts: { key: string; label: string; count: number }[]): FunnelStage[] {
  return counts.map((stage, index) => {
    const previous = index === 0 ? undefined : counts[index - 1];
    if (!previous) return { ...stage, conversion: null, dropOff: null };
    const conversion = previous.count === 0 ? 0 : stage.count / previous.count;
    return { ...stage, conversion, dropOff: previous.count - stage.count };
  });
}

export async function workspaceFunnel(workspaceId: string): Promise<FunnelStage[]> {
  const client = db();
  const [conversations, proposed, approved, synced, followedUp] = await Promise.all([
    client.conversation.count({ where: { workspaceId } }),
    client.leadProposal.count({ where: { workspaceId, status: { in: ["proposed", "approved", "merged"] } } }),
    client.leadProposal.count({ where: { workspaceId, status: { in: ["approved", "merged"] } } }),
    client.leadProposal.count({ where: { workspaceId, status: { in: ["approved", "merged"] }, syncStatus: "synced" } }),
    client.followUp.findMany({ where: { workspaceId, status: "done" }, distinct: ["conversationId"], select: { conversationId: true } }).then((rows) => rows.length),
  ]);
  return funnelFromCounts([
    { key: "conversations", label: "Conversations", count: conversations },
    { key: "proposed", label: "Proposed leads", count: proposed },
    { key: "approved", label: "Approved", count: approved },
    { key: "synced", label: "Synced to CRM", count: synced },
    { key: "followed_up", label: "Followed up", count: followedUp },
  ]);
}
