// TanStack Query keys for the funnel, in one place (no inline string keys).
import type { FunnelGroupBy, FunnelPeriod } from "./period";

export const funnelKeys = {
  all: ["funnel"] as const,
  workspace: (workspaceId: string) => [...funnelKeys.all, workspaceId] as const,
  report: (workspaceId: string, query: FunnelPeriod & { groupBy?: FunnelGroupBy }) =>
    [...funnelKeys.workspace(workspaceId), "report", { from: query.from, to: query.to, groupBy: query.groupBy ?? null }] as const,
};
