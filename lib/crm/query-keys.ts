// TanStack Query keys for Settings -> CRM, in one place so fetching and
// invalidation always agree (no inline string keys).
export const crmKeys = {
  all: ["crm"] as const,
  mapping: (workspaceId: string) => [...crmKeys.all, "mapping", workspaceId] as const,
  preview: (workspaceId: string, draft: unknown) => [...crmKeys.all, "mapping-preview", workspaceId, draft] as const,
};
