"use client";
// Says so when background work is waiting for a worker ("12 leads waiting for
// the background worker"): nothing is lost, but nothing moves until one runs.
import { useQuery } from "@tanstack/react-query";
import { leadKeys } from "@/lib/leads/query-keys";
import { apiFetch } from "./api";

type Overdue = Record<"extract_lead" | "sync_lead" | "push_scores" | "follow_up_due" | "notification_webhook", number>;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function BackgroundWorkNotice({ workspaceId }: { workspaceId: string }) {
  const { data } = useQuery({
    queryKey: leadKeys.backgroundWork(workspaceId),
    queryFn: () => apiFetch<{ overdue: Overdue }>("/api/v1/background-work"),
    refetchInterval: 10_000,
  });
  if (!data) return null;
  const { extract_lead, sync_lead, push_scores, follow_up_due, notification_webhook } = data.overdue;
  const parts = [
    sync_lead > 0 && plural(sync_lead, "lead", "leads") + " to sync",
    extract_lead > 0 && plural(extract_lead, "conversation", "conversations") + " to extract",
    push_scores > 0 && plural(push_scores, "score update", "score updates"),
    follow_up_due > 0 && plural(follow_up_due, "follow-up", "follow-ups"),
    notification_webhook > 0 && plural(notification_webhook, "notification", "notifications") + " to send",
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <div role="status" className="mb-4 rounded border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950" data-testid="background-work-notice">
      {parts.join(", ")} waiting for the background worker. Nothing is lost; start Inngest or run <code>npm run -s jobs:drain</code>.
    </div>
  );
}
