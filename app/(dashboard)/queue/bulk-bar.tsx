"use client";
// Bulk actions on the ticked leads, or on every lead matching the filters:
// reject with a reason, assign an owner (or nobody), approve the leads that
// need no look (no warning flag, high confidence; the rest are skipped and
// named). Each answers with a batch the undo bar can take back.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/app/_components/api";
import { buttonClass } from "@/app/_components/ui/button";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { Menu, MenuItem, MenuLabel, MenuSeparator } from "@/app/_components/ui/menu";
import type { QueueFilters } from "@/lib/leads/query-keys";
import type { Member } from "./queue-columns";
import { RejectDialog, type RejectChoice } from "./reject-dialog";

export type BulkResult = {
  batchId: string;
  action: "reject" | "assign" | "approve";
  done: { id: string }[];
  skipped: { id: string; name: string | null; reason: string }[];
  undo: { until: string; remainingMs: number } | null;
};

type Props = {
  /** Ticked proposal ids. */
  ids: string[];
  /** True: the action covers every lead matching `filters`, not just the ticked ones. */
  allMatching: boolean;
  filters: QueueFilters;
  members: Member[];
  /** Offered when every lead shown is ticked. */
  canSelectAllMatching: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
  onDone: (result: BulkResult, summary: string) => void;
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

function summarize(result: BulkResult, members: Member[], ownerId?: string | null): string {
  const count = result.done.length;
  const owner = members.find((member) => member.id === ownerId);
  const did =
    result.action === "reject" ? `Rejected ${plural(count, "lead")}` : result.action === "approve" ? `Approved ${plural(count, "lead")}` : owner ? `Assigned ${plural(count, "lead")} to ${owner.name ?? owner.email}` : `Unassigned ${plural(count, "lead")}`;
  if (result.skipped.length === 0) return did;
  const examples = result.skipped.slice(0, 3).map((skip) => `${skip.name ?? "unnamed"} (${skip.reason})`).join("; ");
  return `${did}; skipped ${result.skipped.length}: ${examples}${result.skipped.length > 3 ? "; …" : ""}`;
}

export function BulkBar({ ids, allMatching, filters, members, canSelectAllMatching, onSelectAllMatching, onClear, onDone }: Props) {
  const [dialog, setDialog] = useState<"reject" | "approve" | null>(null);
  const bulk = useMutation({
    mutationFn: (body: Record<string, unknown>) => apiFetch<BulkResult>("/api/v1/leads/bulk", { method: "POST", body: { ...body, selection: allMatching ? { filter: filters } : { ids } } }),
    onSuccess: (result, body) => {
      setDialog(null);
      onDone(result, summarize(result, members, body.ownerId as string | null | undefined));
    },
  });
  const what = allMatching ? "every lead matching the filters" : plural(ids.length, "lead");
  return (
    <div role="region" aria-label="Bulk actions" className="mb-3 flex flex-wrap items-center gap-2 rounded-lg border border-sky-300 bg-sky-50 px-3 py-2 text-sm" data-testid="bulk-bar">
      <span className="font-medium" data-testid="bulk-count">
        {allMatching ? "All leads matching the filters" : `${plural(ids.length, "lead")} selected`}
      </span>
      {canSelectAllMatching && !allMatching && (
        <button type="button" className="text-sm text-sky-900 underline" onClick={onSelectAllMatching}>
          Select all matching the filters
        </button>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass("approve", "px-2 py-1")} disabled={bulk.isPending} onClick={() => setDialog("approve")}>
          Approve clean ones…
        </button>
        <Menu
          trigger={
            <button type="button" className={buttonClass("secondary", "px-2 py-1")} disabled={bulk.isPending}>
              Assign to…
            </button>
          }
        >
          <MenuLabel>Owner of {what}</MenuLabel>
          {members.map((member) => (
            <MenuItem key={member.id} onSelect={() => bulk.mutate({ action: "assign", ownerId: member.id })}>
              {member.name ?? member.email}
            </MenuItem>
          ))}
          <MenuSeparator />
          <MenuItem onSelect={() => bulk.mutate({ action: "assign", ownerId: null })}>Nobody (unassign)</MenuItem>
        </Menu>
        <button type="button" className={buttonClass("danger", "px-2 py-1")} disabled={bulk.isPending} onClick={() => setDialog("reject")}>
          Reject…
        </button>
        <button type="button" className="text-sm text-slate-800 underline" onClick={onClear}>
          Clear selection
        </button>
      </div>
      {bulk.error && (
        <p role="alert" className="w-full text-red-800">
          {bulk.error.message}
        </p>
      )}
      {dialog === "reject" && (
        <RejectDialog count={allMatching ? "all" : ids.length} busy={bulk.isPending} onCancel={() => setDialog(null)} onConfirm={(choice: RejectChoice) => bulk.mutate({ action: "reject", ...choice })} />
      )}
      <ConfirmDialog
        open={dialog === "approve"}
        onOpenChange={(open) => setDialog(open ? "approve" : null)}
        title="Approve the clean leads?"
        description={`Of ${what}, only leads ready to review with no warning flag and high confidence are approved; the others are skipped and stay in the queue. You can undo this for a minute.`}
        confirmLabel="Approve clean leads"
        tone="approve"
        busy={bulk.isPending}
        onConfirm={() => bulk.mutate({ action: "approve" })}
      />
    </div>
  );
}
