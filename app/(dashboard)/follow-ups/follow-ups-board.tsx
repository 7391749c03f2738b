"use client";
// The follow-ups, in sections (due, upcoming, awaiting approval, done,
// cancelled), each with its due time in the prospect's zone and in UTC. People
// reschedule (a wall time in the prospect's zone) or cancel through the public
// API; the list is refetched after each change.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/app/_components/api";
import { EmptyState } from "@/app/_components/empty-state";
import { formatInZone, formatUtc, fromLocalInputValue, sectionOf, toLocalInputValue, type FollowUpSection } from "@/lib/followups/display";
import type { FollowUpRowData } from "@/lib/followups/queries";
import { followUpKeys } from "@/lib/followups/query-keys";

const SECTIONS: { key: FollowUpSection; title: string }[] = [
  { key: "due", title: "Due" },
  { key: "upcoming", title: "Upcoming" },
  { key: "proposed", title: "Awaiting lead approval" },
  { key: "done", title: "Done (CRM task created)" },
  { key: "cancelled", title: "Cancelled" },
];

async function fetchFollowUps(): Promise<FollowUpRowData[]> {
  return (await apiFetch<{ rows: FollowUpRowData[] }>("/api/dashboard/follow-ups")).rows;
}

async function postChange(id: string, action: "reschedule" | "cancel", body: Record<string, unknown>): Promise<void> {
  await apiFetch(`/api/v1/follow-ups/${id}/${action}`, { method: "POST", body });
}

function FollowUpItem({ followUp, workspaceId }: { followUp: FollowUpRowData; workspaceId: string }) {
  const queryClient = useQueryClient();
  const [dueLocal, setDueLocal] = useState(() => toLocalInputValue(followUp.dueAt, followUp.timezone));
  const onSettled = () => queryClient.invalidateQueries({ queryKey: followUpKeys.list(workspaceId) });
  const reschedule = useMutation({
    mutationFn: async () => {
      const dueAt = fromLocalInputValue(dueLocal, followUp.timezone);
      if (!dueAt) throw new Error("Pick a date and time.");
      await postChange(followUp.id, "reschedule", { due_at: dueAt });
    },
    onSettled,
  });
  const cancel = useMutation({ mutationFn: () => postChange(followUp.id, "cancel", {}), onSettled });
  const editable = followUp.status === "proposed" || followUp.status === "scheduled";
  const error = reschedule.error ?? cancel.error;
  return (
    <li className="px-4 py-3" data-testid="follow-up">
      <div className="flex flex-wrap justify-between gap-2">
        <div>
          <div className="font-medium">
            {followUp.contactName} <span className="text-xs font-normal text-slate-600">{followUp.contactPhone}</span>
          </div>
          <div className="text-slate-700">{followUp.reason}</div>
          <div className="text-xs text-slate-600">
            {followUp.channel}
            {followUp.templateRequired ? " (template message needed)" : ""}
            {followUp.tone ? ` · tone: ${followUp.tone.replaceAll("_", " ")}` : ""}
            {followUp.cancelReason ? ` · cancelled: ${followUp.cancelReason}` : ""}
          </div>
        </div>
        <div className="text-right">
          <time dateTime={followUp.dueAt} className="block">{formatInZone(followUp.dueAt, followUp.timezone)}</time>
          <span className="block text-xs text-slate-600">{followUp.timezone} · {formatUtc(followUp.dueAt)}</span>
        </div>
      </div>
      {editable ? (
        <form
          className="mt-2 flex flex-wrap items-center gap-2 text-xs"
          onSubmit={(event) => {
            event.preventDefault();
            reschedule.mutate();
          }}
        >
          <label className="flex items-center gap-1">
            New time ({followUp.timezone})
            <input type="datetime-local" value={dueLocal} onChange={(event) => setDueLocal(event.target.value)} className="rounded border border-slate-300 px-1 py-0.5" />
          </label>
          <button type="submit" disabled={reschedule.isPending} className="rounded bg-slate-800 px-2 py-1 text-white disabled:opacity-50">Reschedule</button>
          <button type="button" disabled={cancel.isPending} onClick={() => cancel.mutate()} className="rounded border border-slate-300 px-2 py-1 disabled:opacity-50">Cancel follow-up</button>
          {error ? <span role="alert" className="text-red-700">{error.message}</span> : null}
        </form>
      ) : null}
    </li>
  );
}

export function FollowUpsBoard({ workspaceId, initialRows }: { workspaceId: string; initialRows: FollowUpRowData[] }) {
  const { data: rows = initialRows } = useQuery({ queryKey: followUpKeys.list(workspaceId), queryFn: fetchFollowUps, initialData: initialRows });
  if (rows.length === 0) {
    return (
      <EmptyState title="No follow-ups yet">
        When a prospect says “call me Tuesday” and the lead is approved, the follow-up is scheduled here.
      </EmptyState>
    );
  }
  const now = new Date();
  return (
    <div className="flex flex-col gap-6">
      {SECTIONS.map(({ key, title }) => {
        const inSection = rows.filter((row) => sectionOf(row, now) === key);
        if (inSection.length === 0) return null;
        return (
          <section key={key} aria-label={title}>
            <h2 className="mb-2 text-sm font-semibold text-slate-800">{title} ({inSection.length})</h2>
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
              {inSection.map((followUp) => <FollowUpItem key={followUp.id} followUp={followUp} workspaceId={workspaceId} />)}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
