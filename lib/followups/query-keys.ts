// TanStack Query keys for follow-ups, in one place so fetching and
// invalidation always agree (no inline string keys).
export const followUpKeys = {
  all: ["follow-ups"] as const,
  list: (workspaceId: string) => [...followUpKeys.all, "list", workspaceId] as const,
};
