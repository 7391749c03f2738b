// TanStack Query keys for leads, in one place so fetching and invalidation
// always agree (no inline string keys).
export const leadKeys = {
  all: ["leads"] as const,
  details: () => [...leadKeys.all, "detail"] as const,
  detail: (proposalId: string) => [...leadKeys.details(), proposalId] as const,
  mergePreview: (proposalId: string, input: unknown) => [...leadKeys.all, "merge-preview", proposalId, input] as const,
  backgroundWork: (workspaceId: string) => [...leadKeys.all, "background-work", workspaceId] as const,
};
