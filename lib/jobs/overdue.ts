// Work that is due but not picked up, per job kind (zero when none): what the
// dashboard's "waiting for the background worker" notice counts.
import { overdueCounts } from "@/lib/outbox/outbox";
import { jobKinds } from "./registry";

export async function overdueWork(workspaceId: string, now = new Date()): Promise<Record<string, number>> {
  const counts = await overdueCounts(workspaceId, now);
  return Object.fromEntries(jobKinds.map((kind) => [kind, counts[kind] ?? 0]));
}
