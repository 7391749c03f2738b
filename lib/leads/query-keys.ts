// TanStack Query keys for leads and the review queue, in one place so fetching
// and invalidation always agree (no inline string keys). Invalidating
// `leadKeys.all` after a review action refreshes every list and detail.
import type { QueueQuery } from "./queue-query";

/** What selects a queue list (everything but the page: cursor and limit). */
export type QueueFilters = Omit<QueueQuery, "cursor" | "limit">;

export const leadKeys = {
  all: ["leads"] as const,
  queue: (workspaceId: string) => [...leadKeys.all, "queue", workspaceId] as const,
  queueList: (workspaceId: string, filters: QueueFilters) => [...leadKeys.queue(workspaceId), "list", filters] as const,
  details: () => [...leadKeys.all, "detail"] as const,
  detail: (proposalId: string) => [...leadKeys.details(), proposalId] as const,
  mergePreview: (proposalId: string, input: unknown) => [...leadKeys.all, "merge-preview", proposalId, input] as const,
  backgroundWork: (workspaceId: string) => [...leadKeys.all, "background-work", workspaceId] as const,
};
