// TanStack Query keys for leads and the review queue, in one place so fetching
// and invalidation always agree (no inline string keys). Invalidate
// `leadKeys.queue(workspaceId)` after a review action to refresh every
// filtered list of that workspace's queue.
import type { QueueQuery } from "./queue-query";

/** What selects a queue list (everything but the page: cursor and limit). */
export type QueueFilters = Omit<QueueQuery, "cursor" | "limit">;

export const leadKeys = {
  all: ["leads"] as const,
  queue: (workspaceId: string) => [...leadKeys.all, "queue", workspaceId] as const,
  queueList: (workspaceId: string, filters: QueueFilters) => [...leadKeys.queue(workspaceId), "list", filters] as const,
  proposal: (workspaceId: string, proposalId: string) => [...leadKeys.all, "proposal", workspaceId, proposalId] as const,
};
