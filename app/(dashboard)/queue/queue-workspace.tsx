"use client";
// The reviewer's work list: the queue (views, filters, bulk actions, table)
// beside the lead under review. From 1280 px they sit side by side and the
// review pane stays in view (sticky, scrolling on its own); narrower, one
// column at a time: the list, or the open lead with a way back. After a
// decision the next open lead opens, and the undo bar counts down the window.
// Keyboard: j/k move through the queue, ? shows the shortcuts (a/m/r/e act on
// the open lead).
import type { RowSelectionState } from "@tanstack/react-table";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { apiFetch } from "@/app/_components/api";
import { EmptyState } from "@/app/_components/empty-state";
import { useProblemText } from "@/app/_components/problem-text";
import { buttonClass } from "@/app/_components/ui/button";
import { Dialog, DialogClose } from "@/app/_components/ui/dialog";
import { isOpenStatus } from "@/lib/leads/lead-status";
import type { QueueRow } from "@/lib/leads/queue-row";
import { leadKeys } from "@/lib/leads/query-keys";
import { BulkBar } from "./bulk-bar";
import { LeadReview } from "./lead-review";
import type { Member } from "./queue-columns";
import { FunnelFilterNotice } from "./funnel-filter-notice";
import { QueueFilterBar } from "./queue-filters";
import { QueueTable } from "./queue-table";
import { UndoBar, type UndoableAction } from "./undo-bar";
import { useQueueList } from "./use-queue-list";
import { ViewTabs } from "./view-tabs";

// Each key and what it does (catalog keys under "queue.shortcuts").
const shortcuts = [
  ["j / k", "move"],
  ["a", "approve"],
  ["m", "merge"],
  ["r", "reject"],
  ["e", "edit"],
  ["?", "help"],
] as const;

function typingIn(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return Boolean(element && (["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName) || element.isContentEditable));
}

/** Clicks the row after (or before) the open one, so the table's own opening logic runs. */
function moveSelection(step: 1 | -1): void {
  const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="queue-row"]')];
  if (rows.length === 0) return;
  const current = rows.findIndex((row) => row.getAttribute("aria-selected") === "true");
  const next = rows[Math.min(rows.length - 1, Math.max(0, current === -1 ? 0 : current + step))];
  next?.click();
  next?.scrollIntoView({ block: "nearest" });
}

/** The open lead after one was decided: the next open one below it, else above it. */
function nextOpenRow(rows: QueueRow[], decidedProposalId: string): QueueRow | null {
  const at = rows.findIndex((row) => row.proposal?.id === decidedProposalId);
  const isNext = (row: QueueRow) => row.proposal !== null && row.proposal.id !== decidedProposalId && isOpenStatus(row.proposal.status);
  return rows.slice(at + 1).find(isNext) ?? rows.slice(0, Math.max(at, 0)).reverse().find(isNext) ?? null;
}

type OpenLead = { conversationId: string | null; proposalId: string | null };

type Props = { workspaceId: string; initialRows: QueueRow[]; initialNextCursor: string | null; products: string[]; members: Member[] };

export function QueueWorkspace({ workspaceId, initialRows, initialNextCursor, products, members }: Props) {
  const queryClient = useQueryClient();
  const t = useTranslations("queue");
  const tc = useTranslations("common");
  const problemText = useProblemText();
  const { filters, rows, query, changeFilters } = useQueueList(workspaceId, { rows: initialRows, nextCursor: initialNextCursor });
  const [openLead, setOpenLead] = useState<OpenLead | null>(null);
  const [help, setHelp] = useState(false);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [allMatching, setAllMatching] = useState(false);
  const [lastAction, setLastAction] = useState<UndoableAction | null>(null);
  const selectedIds = Object.keys(selection).filter((id) => selection[id]);
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: leadKeys.all }), [queryClient]);

  const clearSelection = () => {
    setSelection({});
    setAllMatching(false);
  };
  const onFiltersChange = (next: typeof filters) => {
    clearSelection();
    changeFilters(next);
  };
  const openRow = (row: QueueRow) => setOpenLead({ conversationId: row.conversationId, proposalId: row.proposal?.id ?? null });
  const onDecided = (proposalId: string, action: UndoableAction) => {
    const next = nextOpenRow(rows, proposalId);
    setOpenLead(next ? { conversationId: next.conversationId, proposalId: next.proposal!.id } : null);
    setLastAction({ ...action, undo: async () => {
      await action.undo();
      // The lead comes back: open it again.
      const row = rows.find((candidate) => candidate.proposal?.id === proposalId);
      setOpenLead({ conversationId: row?.conversationId ?? null, proposalId });
    } });
  };
  const onOpenLead = (proposalId: string) => {
    const row = rows.find((candidate) => candidate.proposal?.id === proposalId);
    setOpenLead({ conversationId: row?.conversationId ?? null, proposalId });
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || typingIn(event.target) || document.querySelector('[role="dialog"],[role="alertdialog"],[role="menu"]')) return;
      if (event.key === "j") moveSelection(1);
      else if (event.key === "k") moveSelection(-1);
      else if (event.key === "?") setHelp(true);
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const filtered = Boolean(filters.q || filters.status || filters.urgency || filters.flag || filters.product || filters.language || filters.from || filters.to || filters.owner || filters.view === "done" || filters.funnel);
  const openRowId = openLead?.conversationId ?? null;

  return (
    <div className="grid gap-4 xl:grid-cols-2 2xl:grid-cols-[minmax(0,9fr)_minmax(0,11fr)]">
      {lastAction && (
        <div className="xl:col-span-2">
          <UndoBar key={lastAction.deadline} action={lastAction} onUndone={() => { setLastAction(null); void refresh(); }} onDismiss={() => setLastAction(null)} />
        </div>
      )}
      <div className={`min-w-0 ${openLead ? "hidden xl:block" : ""}`} data-testid="queue-list">
        <ViewTabs filters={filters} onChange={onFiltersChange} />
        <FunnelFilterNotice filters={filters} onClear={() => onFiltersChange({ ...filters, funnel: undefined, firstMessageFrom: undefined, firstMessageTo: undefined, view: filters.view ?? "to_review" })} />
        <QueueFilterBar filters={filters} products={products} onChange={onFiltersChange} />
        {(selectedIds.length > 0 || allMatching) && (
          <BulkBar
            ids={selectedIds}
            allMatching={allMatching}
            filters={filters}
            members={members}
            canSelectAllMatching={selectedIds.length > 0 && selectedIds.length === rows.filter((row) => row.proposal).length}
            onSelectAllMatching={() => setAllMatching(true)}
            onClear={clearSelection}
            onDone={(result, summary) => {
              clearSelection();
              const remainingMs = result.undo?.remainingMs ?? 0;
              setLastAction({ label: summary, deadline: Date.now() + remainingMs, undo: () => apiFetch(`/api/v1/leads/bulk/${result.batchId}/undo`, { method: "POST" }) });
              void refresh();
            }}
          />
        )}
        {query.isError && <p role="alert" className="mb-2 text-sm text-red-800">{problemText(query.error)}</p>}
        {rows.length === 0 && !query.isFetching ? (
          filtered ? (
            <EmptyState title={t("empty.filteredTitle")}>{t("empty.filteredBody")}</EmptyState>
          ) : (
            <EmptyState title={t("empty.title")}>{t("empty.body")}</EmptyState>
          )
        ) : (
          <QueueTable rows={rows} members={members} openConversationId={openRowId} onOpen={openRow} selection={selection} onSelectionChange={(next) => { setAllMatching(false); setSelection(next); }} busy={query.isFetching && rows.length === 0} />
        )}
        {query.hasNextPage && (
          <div className="mt-3 text-center">
            <button type="button" className={buttonClass("secondary")} disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
              {query.isFetchingNextPage ? tc("loading") : tc("loadMore")}
            </button>
          </div>
        )}
        <p className="mt-2 text-xs text-slate-700">
          {t.rich("shortcutsHint", { kbd: (chunks) => <kbd>{chunks}</kbd> })}
        </p>
      </div>
      <div className={`min-w-0 xl:sticky xl:top-4 xl:max-h-[calc(100dvh-7rem)] xl:self-start xl:overflow-y-auto ${openLead ? "" : "hidden xl:block"}`} data-testid="review-pane">
        {openLead && (
          <button type="button" className="mb-3 text-sm text-slate-800 underline xl:hidden" onClick={() => setOpenLead(null)}>
            {t("backToList")}
          </button>
        )}
        {openLead?.proposalId ? (
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <LeadReview key={openLead.proposalId} proposalId={openLead.proposalId} members={members} onDecided={onDecided} onOpenLead={onOpenLead} />
          </div>
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-sm text-slate-700">
            {openLead ? t("noProposal") : t("selectHint")}
          </p>
        )}
      </div>
      {help && (
        <Dialog open onOpenChange={setHelp} title={t("shortcuts.title")} size="small" footer={<DialogClose className={buttonClass("secondary")}>{tc("close")}</DialogClose>}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {shortcuts.map(([keys, what]) => (
              <div key={keys} className="contents">
                <dt>
                  <kbd className="rounded border border-slate-300 px-1">{keys}</kbd>
                </dt>
                <dd>{t(`shortcuts.${what}`)}</dd>
              </div>
            ))}
          </dl>
        </Dialog>
      )}
    </div>
  );
}
