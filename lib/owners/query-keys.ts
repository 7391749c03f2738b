// TanStack Query keys for lead owners, in one place so fetching and
// invalidation always agree (no inline string keys).
export const ownerKeys = {
  all: ["lead-owners"] as const,
  /** The members a lead can be given to, in the active workspace. */
  options: () => [...ownerKeys.all, "options"] as const,
};
