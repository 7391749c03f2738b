"use client";
// The admins' status strip above every dashboard page: the background engine
// (Inngest or our worker) connected or not, the workspace's backlog, and the
// last CRM sync error. Polls /api/v1/status.
import { useQuery } from "@tanstack/react-query";
import type { WorkspaceStatus } from "@/lib/observability/status";
import { statusKeys } from "@/lib/observability/query-keys";
import { apiFetch } from "./api";

const ENGINE_NAMES = { inngest: "Inngest", worker: "Background worker", none: "No background engine" } as const;

function engineText({ kind, reachable }: WorkspaceStatus["engine"]): string {
  if (kind === "none") return "No background engine: run `npm run -s jobs:drain`";
  if (reachable === null) return `${ENGINE_NAMES[kind]} configured`;
  return `${ENGINE_NAMES[kind]} ${reachable ? "connected" : "not reachable"}`;
}

function age(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

export function AdminStatusStrip({ workspaceId }: { workspaceId: string }) {
  const { data } = useQuery({
    queryKey: statusKeys.workspace(workspaceId),
    queryFn: () => apiFetch<WorkspaceStatus>("/api/v1/status"),
    refetchInterval: 15_000,
  });
  if (!data) return null;
  const healthy = data.engine.reachable !== false;
  return (
    <div
      role="status"
      aria-label="System status"
      data-testid="admin-status-strip"
      className={`mb-4 flex flex-wrap gap-x-6 gap-y-1 rounded border px-4 py-2 text-xs ${healthy ? "border-slate-200 bg-slate-50 text-slate-700" : "border-red-300 bg-red-50 text-red-900"}`}
    >
      <span data-testid="status-engine">{engineText(data.engine)}</span>
      <span data-testid="status-backlog">
        Backlog: {data.backlog.depth}
        {data.backlog.oldestDueAgeSeconds !== null && data.backlog.oldestDueAgeSeconds > 0 ? ` (oldest due ${age(data.backlog.oldestDueAgeSeconds)} ago)` : ""}
      </span>
      <span data-testid="status-crm-error">
        {data.lastCrmError ? `Last CRM error (${new Date(data.lastCrmError.at).toLocaleString()}): ${data.lastCrmError.message}` : "No CRM errors"}
      </span>
    </div>
  );
}
