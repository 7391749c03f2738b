// TanStack Query keys for follow-ups, in one place so fetching and
// invalidation always agree (no inline string keys).
export const followUpKeys = {
  all: ["follow-ups"] as const,
  /** Every filtered list of a workspace: what a change invalidates. */
  lists: (workspaceId: string) => [...followUpKeys.all, "list", workspaceId] as const,
  list: (workspaceId: string, filters: Record<string, string>) => [...followUpKeys.lists(workspaceId), filters] as const,
};
