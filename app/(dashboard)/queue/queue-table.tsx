"use client";
// The queue's table, refreshed every few seconds from /api/dashboard/conversations
// so a conversation arriving by webhook or import shows up without a reload.
import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "@/app/_components/empty-state";
import type { QueueRowData } from "@/lib/conversations/queries";
import { conversationKeys } from "@/lib/conversations/query-keys";

const POLL_INTERVAL_MS = 3_000;

const statusStyles: Record<string, string> = {
  proposed: "bg-emerald-100 text-emerald-900",
  insufficient: "bg-amber-100 text-amber-900",
  failed: "bg-red-100 text-red-900",
  approved: "bg-sky-100 text-sky-900",
  merged: "bg-sky-100 text-sky-900",
  rejected: "bg-slate-200 text-slate-800",
  pending: "bg-slate-100 text-slate-800",
};

async function fetchQueueRows(): Promise<QueueRowData[]> {
  const response = await fetch("/api/dashboard/conversations", { cache: "no-store" });
  if (!response.ok) throw new Error(`The queue could not be loaded (HTTP ${response.status}).`);
  return ((await response.json()) as { rows: QueueRowData[] }).rows;
}

export function QueueTable({ workspaceId, initialRows }: { workspaceId: string; initialRows: QueueRowData[] }) {
  const { data: rows = initialRows } = useQuery({
    queryKey: conversationKeys.queue(workspaceId),
    queryFn: fetchQueueRows,
    initialData: initialRows,
    refetchInterval: POLL_INTERVAL_MS,
  });
  if (rows.length === 0) {
    return (
      <EmptyState title="No conversations yet">
        Conversations arrive from the WhatsApp webhook or a chatbot import, and their proposed leads wait here for review.
      </EmptyState>
    );
  }
  return (
    <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm" data-testid="queue-table">
      <thead className="bg-slate-100 text-left text-slate-700">
        <tr>
          <th scope="col" className="px-4 py-2">Contact</th>
          <th scope="col" className="px-4 py-2">Last message</th>
          <th scope="col" className="px-4 py-2">Proposed lead</th>
          <th scope="col" className="px-4 py-2">Urgency</th>
          <th scope="col" className="px-4 py-2">Last activity</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-t border-slate-100 align-top">
            <td className="px-4 py-2">
              <div className="font-medium">{row.contactName ?? "Unknown"}</div>
              <div className="text-xs text-slate-600">+{row.contactWaId}{row.language ? ` · ${row.language}` : ""}</div>
            </td>
            <td className="max-w-md truncate px-4 py-2 text-slate-700">{row.lastMessage}</td>
            <td className="px-4 py-2">
              {row.proposal ? (
                <span className={`rounded px-2 py-0.5 text-xs font-medium ${statusStyles[row.proposal.status] ?? statusStyles.pending}`}>
                  {row.proposal.status}
                  {row.proposal.name ? ` · ${row.proposal.name}` : ""}
                </span>
              ) : (
                <span className="text-xs text-slate-600">not extracted yet</span>
              )}
            </td>
            <td className="px-4 py-2">{row.proposal?.urgencyLevel ?? "—"}</td>
            <td className="px-4 py-2 text-slate-600">
              <time dateTime={row.lastMessageAt}>{row.lastMessageAt.slice(0, 16).replace("T", " ")} UTC</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
