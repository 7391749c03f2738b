// TanStack Query keys for operational status, in one place so fetching and
// invalidation always agree (no inline string keys).
export const statusKeys = {
  all: ["status"] as const,
  workspace: (workspaceId: string) => [...statusKeys.all, "workspace", workspaceId] as const,
};
