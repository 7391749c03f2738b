"use client";
// The admins' status strip above every dashboard page: the background engine
// (Inngest or our worker) connected or not, the workspace's backlog, and the
// last CRM sync error. Polls /api/v1/status.
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import type { WorkspaceStatus } from "@/lib/observability/status";
import { statusKeys } from "@/lib/observability/query-keys";
import { apiFetch } from "./api";

type Translate = ReturnType<typeof useTranslations<"status">>;

function engineText(t: Translate, { kind, reachable }: WorkspaceStatus["engine"]): string {
  if (kind === "none") return t("noEngine");
  const engine = t(`engines.${kind}`);
  if (reachable === null) return t("configured", { engine });
  return reachable ? t("connected", { engine }) : t("unreachable", { engine });
}

function age(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

export function AdminStatusStrip({ workspaceId }: { workspaceId: string }) {
  const t = useTranslations("status");
  const locale = useLocale();
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
      aria-label={t("label")}
      data-testid="admin-status-strip"
      className={`mb-4 flex flex-wrap gap-x-6 gap-y-1 rounded border px-4 py-2 text-xs ${healthy ? "border-slate-200 bg-slate-50 text-slate-700" : "border-red-300 bg-red-50 text-red-900"}`}
    >
      <span data-testid="status-engine">{engineText(t, data.engine)}</span>
      <span data-testid="status-backlog">
        {t("backlog", { depth: data.backlog.depth })}
        {data.backlog.oldestDueAgeSeconds !== null && data.backlog.oldestDueAgeSeconds > 0 ? t("oldest", { age: age(data.backlog.oldestDueAgeSeconds) }) : ""}
      </span>
      <span data-testid="status-crm-error">
        {data.lastCrmError ? t("lastCrmError", { when: new Date(data.lastCrmError.at).toLocaleString(locale), message: data.lastCrmError.message }) : t("noCrmErrors")}
      </span>
    </div>
  );
}
