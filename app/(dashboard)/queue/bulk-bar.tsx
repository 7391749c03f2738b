"use client";
// Bulk actions on the ticked leads, or on every lead matching the filters:
// reject with a reason, assign an owner (or nobody), approve the leads that
// need no look (no warning flag, high confidence; the rest are skipped and
// named). Each answers with a batch the undo bar can take back.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/app/_components/api";
import type { Translate } from "@/app/_components/lead-words";
import { phraseWords, type Phrase } from "@/lib/i18n/phrase";
import { useProblemText } from "@/app/_components/problem-text";
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
  skipped: { id: string; name: string | null; reason: string; reasonPhrase: Phrase }[];
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

function summarize(t: Translate, result: BulkResult, members: Member[], ownerId?: string | null): string {
  const count = result.done.length;
  const owner = members.find((member) => member.id === ownerId);
  const did =
    result.action === "assign" ? (owner ? t("bulk.done.assign", { count, owner: owner.name ?? owner.email }) : t("bulk.done.unassign", { count })) : t(`bulk.done.${result.action}`, { count });
  if (result.skipped.length === 0) return did;
  const examples = result.skipped.slice(0, 3).map((skip) => `${skip.name ?? t("review.unnamed")} (${phraseWords(t, "bulk.skip", skip.reasonPhrase)})`).join("; ");
  return t("bulk.skipped", { did, count: result.skipped.length, examples: `${examples}${result.skipped.length > 3 ? "; …" : ""}` });
}

export function BulkBar({ ids, allMatching, filters, members, canSelectAllMatching, onSelectAllMatching, onClear, onDone }: Props) {
  const t = useTranslations();
  const problemText = useProblemText();
  const [dialog, setDialog] = useState<"reject" | "approve" | null>(null);
  const bulk = useMutation({
    mutationFn: (body: Record<string, unknown>) => apiFetch<BulkResult>("/api/v1/leads/bulk", { method: "POST", body: { ...body, selection: allMatching ? { filter: filters } : { ids } } }),
    onSuccess: (result, body) => {
      setDialog(null);
      onDone(result, summarize(t, result, members, body.ownerId as string | null | undefined));
    },
  });
  const what = allMatching ? t("bulk.everyMatching") : t("bulk.leads", { count: ids.length });
  return (
    <div role="region" aria-label={t("bulk.label")} className="mb-3 flex flex-wrap items-center gap-2 rounded-lg border border-sky-300 bg-sky-50 px-3 py-2 text-sm" data-testid="bulk-bar">
      <span className="font-medium" data-testid="bulk-count">
        {allMatching ? t("bulk.allMatching") : t("bulk.selected", { count: ids.length })}
      </span>
      {canSelectAllMatching && !allMatching && (
        <button type="button" className="text-sm text-sky-900 underline" onClick={onSelectAllMatching}>
          {t("bulk.selectAllMatching")}
        </button>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass("approve", "px-2 py-1")} disabled={bulk.isPending} onClick={() => setDialog("approve")}>
          {t("bulk.approveClean")}
        </button>
        <Menu
          trigger={
            <button type="button" className={buttonClass("secondary", "px-2 py-1")} disabled={bulk.isPending}>
              {t("bulk.assignTo")}
            </button>
          }
        >
          <MenuLabel>{t("bulk.ownerOf", { what })}</MenuLabel>
          {members.map((member) => (
            <MenuItem key={member.id} onSelect={() => bulk.mutate({ action: "assign", ownerId: member.id })}>
              {member.name ?? member.email}
            </MenuItem>
          ))}
          <MenuSeparator />
          <MenuItem onSelect={() => bulk.mutate({ action: "assign", ownerId: null })}>{t("bulk.unassign")}</MenuItem>
        </Menu>
        <button type="button" className={buttonClass("danger", "px-2 py-1")} disabled={bulk.isPending} onClick={() => setDialog("reject")}>
          {t("bulk.reject")}
        </button>
        <button type="button" className="text-sm text-slate-800 underline" onClick={onClear}>
          {t("bulk.clear")}
        </button>
      </div>
      {bulk.error && (
        <p role="alert" className="w-full text-red-800">
          {problemText(bulk.error)}
        </p>
      )}
      {dialog === "reject" && (
        <RejectDialog count={allMatching ? "all" : ids.length} busy={bulk.isPending} onCancel={() => setDialog(null)} onConfirm={(choice: RejectChoice) => bulk.mutate({ action: "reject", ...choice })} />
      )}
      <ConfirmDialog
        open={dialog === "approve"}
        onOpenChange={(open) => setDialog(open ? "approve" : null)}
        title={t("bulk.confirmTitle")}
        description={t("bulk.confirmDescription", { what })}
        confirmLabel={t("bulk.confirmLabel")}
        tone="approve"
        busy={bulk.isPending}
        onConfirm={() => bulk.mutate({ action: "approve" })}
      />
    </div>
  );
}
