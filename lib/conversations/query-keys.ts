// TanStack Query keys for conversations, in one place so fetching and
// invalidation always agree (no inline string keys).
export const conversationKeys = {
  all: ["conversations"] as const,
  queue: (workspaceId: string) => [...conversationKeys.all, "queue", workspaceId] as const,
};
