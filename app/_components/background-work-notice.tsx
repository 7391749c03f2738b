"use client";
// Says so when background work is waiting for a worker ("12 leads waiting for
// the background worker"): nothing is lost, but nothing moves until one runs.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { leadKeys } from "@/lib/leads/query-keys";
import { apiFetch } from "./api";

type Overdue = Record<"extract_lead" | "sync_lead" | "push_scores" | "follow_up_due" | "notification_webhook", number>;

// In the order they are listed; words are catalog keys under "background".
const KINDS = ["sync_lead", "extract_lead", "push_scores", "follow_up_due", "notification_webhook"] as const satisfies readonly (keyof Overdue)[];

export function BackgroundWorkNotice({ workspaceId }: { workspaceId: string }) {
  const t = useTranslations("background");
  const { data } = useQuery({
    queryKey: leadKeys.backgroundWork(workspaceId),
    queryFn: () => apiFetch<{ overdue: Overdue }>("/api/v1/background-work"),
    refetchInterval: 10_000,
  });
  if (!data) return null;
  const parts = KINDS.filter((kind) => data.overdue[kind] > 0).map((kind) => t(kind, { count: data.overdue[kind] }));
  if (parts.length === 0) return null;
  return (
    <div role="status" className="mb-4 rounded border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950" data-testid="background-work-notice">
      {t.rich("waiting", { parts: parts.join(", "), code: (chunks) => <code>{chunks}</code> })}
    </div>
  );
}
