// TanStack Query keys for the notification bell, in one place.
export const notificationKeys = {
  all: ["notifications"] as const,
  inbox: (workspaceId: string) => [...notificationKeys.all, "inbox", workspaceId] as const,
};
