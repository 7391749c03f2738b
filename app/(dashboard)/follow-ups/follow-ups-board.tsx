"use client";
// The follow-ups, filtered (status, owner, due days) and in sections (due,
// upcoming, awaiting approval, failed, done, cancelled). Each shows its due time
// in the viewer's zone, how far away it is (or how overdue), and the prospect's
// own time; links to its lead and contact. People reschedule (a wall time in the
// prospect's zone; a failed one is tried again) or cancel with a reason; the
// list is refetched after each change.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/app/_components/api";
import { EmptyState } from "@/app/_components/empty-state";
import { useProblemText } from "@/app/_components/problem-text";
import { DateTimeText, useNow, useRelativeWords } from "@/app/_components/time";
import { fromLocalInputValue, isOverdue, sectionOf, toLocalInputValue, type FollowUpSection } from "@/lib/followups/display";
import type { FollowUpRowData } from "@/lib/followups/queries";
import { followUpKeys } from "@/lib/followups/query-keys";
import { CancelFollowUpButton } from "./cancel-dialog";

// In this order; titles are catalog keys under "followUps.sections".
const SECTIONS: FollowUpSection[] = ["due", "upcoming", "proposed", "failed", "done", "cancelled"];
const STATUS_FILTERS = ["scheduled", "proposed", "failed", "done", "cancelled"] as const;

type Filters = { status: string; owner: string; from: string; to: string };
const NO_FILTERS: Filters = { status: "", owner: "", from: "", to: "" };

function queryOf(filters: Filters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ""));
}

function FollowUpItem({ followUp, workspaceId }: { followUp: FollowUpRowData; workspaceId: string }) {
  const queryClient = useQueryClient();
  const now = useNow();
  const t = useTranslations("followUps");
  const words = useRelativeWords();
  const problemText = useProblemText();
  const [dueLocal, setDueLocal] = useState(() => toLocalInputValue(followUp.dueAt, followUp.timezone));
  const onSettled = () => queryClient.invalidateQueries({ queryKey: followUpKeys.lists(workspaceId) });
  const reschedule = useMutation({
    mutationFn: async () => {
      const dueAt = fromLocalInputValue(dueLocal, followUp.timezone);
      if (!dueAt) throw new Error(t("pickTime"));
      await apiFetch(`/api/v1/follow-ups/${followUp.id}/reschedule`, { method: "POST", body: { due_at: dueAt } });
    },
    onSettled,
  });
  const editable = followUp.status === "proposed" || followUp.status === "scheduled" || followUp.status === "failed";
  const overdue = isOverdue(followUp, now) ? words.overdue(followUp.dueAt, now) : null;
  return (
    <li className="px-4 py-3" data-testid="follow-up">
      <div className="flex flex-wrap justify-between gap-2">
        <div>
          <div className="font-medium">
            {followUp.contactId ? <Link href={`/contacts/${followUp.contactId}`} className="underline">{followUp.contactName}</Link> : followUp.contactName}{" "}
            <span className="text-xs font-normal text-slate-600">{followUp.contactPhone}</span>
          </div>
          <div className="text-slate-700">{followUp.reason}</div>
          <div className="text-xs text-slate-600">
            {t.has(`channel.${followUp.channel}`) ? t(`channel.${followUp.channel}`) : followUp.channel}
            {followUp.templateRequired ? t("templateNeeded") : ""}
            {followUp.tone ? t("tone", { tone: followUp.tone.replaceAll("_", " ") }) : ""}
            {t("owner", { owner: followUp.ownerEmail ?? t("unassigned") })}
            {followUp.cancelReason ? t("cancelledBecause", { reason: followUp.cancelReason }) : ""}
            {followUp.failureReason ? t("failedBecause", { reason: followUp.failureReason }) : ""}
            {followUp.leadId ? (
              <>
                {" · "}
                <Link href={`/leads/${followUp.leadId}`} className="underline">{t("openLead")}</Link>
              </>
            ) : null}
          </div>
        </div>
        <div className="text-right text-sm">
          {overdue ? <span className="mr-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800" data-testid="overdue">{overdue}</span> : null}
          <DateTimeText iso={followUp.dueAt} prospectZone={followUp.timezone} relative={!overdue} />
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
            {t("newTime", { zone: followUp.timezone })}
            <input type="datetime-local" value={dueLocal} onChange={(event) => setDueLocal(event.target.value)} className="rounded border border-slate-300 px-1 py-0.5" />
          </label>
          <button type="submit" disabled={reschedule.isPending} className="rounded bg-slate-800 px-2 py-1 text-white disabled:opacity-50">{t("reschedule")}</button>
          <CancelFollowUpButton followUpId={followUp.id} contactName={followUp.contactName} onCancelled={onSettled} />
          {reschedule.error ? <span role="alert" className="text-red-700">{problemText(reschedule.error)}</span> : null}
        </form>
      ) : null}
    </li>
  );
}

function FilterBar({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const set = (key: keyof Filters) => (event: { target: { value: string } }) => onChange({ ...filters, [key]: event.target.value });
  const control = "rounded border border-slate-300 px-2 py-1";
  const t = useTranslations("followUps");
  const tc = useTranslations("common");
  return (
    <form role="search" aria-label={t("filters.label")} className="mb-4 flex flex-wrap items-end gap-3 text-sm" onSubmit={(event) => event.preventDefault()}>
      <label className="flex flex-col gap-1">
        {t("filters.status")}
        <select value={filters.status} onChange={set("status")} className={control}>
          <option value="">{tc("any")}</option>
          {STATUS_FILTERS.map((status) => <option key={status} value={status}>{t(`status.${status}`)}</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t("filters.owner")}
        <select value={filters.owner} onChange={set("owner")} className={control}>
          <option value="">{t("filters.anyone")}</option>
          <option value="me">{t("filters.me")}</option>
          <option value="none">{t("filters.unassigned")}</option>
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t("filters.from")}
        <input type="date" value={filters.from} onChange={set("from")} className={control} />
      </label>
      <label className="flex flex-col gap-1">
        {t("filters.to")}
        <input type="date" value={filters.to} onChange={set("to")} className={control} />
      </label>
      {Object.values(filters).some(Boolean) ? (
        <button type="button" onClick={() => onChange(NO_FILTERS)} className="rounded border border-slate-300 px-2 py-1">{t("filters.clear")}</button>
      ) : null}
    </form>
  );
}

export function FollowUpsBoard({ workspaceId, initialRows }: { workspaceId: string; initialRows: FollowUpRowData[] }) {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const query = queryOf(filters);
  const unfiltered = Object.keys(query).length === 0;
  const { data: rows = [], error } = useQuery({
    queryKey: followUpKeys.list(workspaceId, query),
    queryFn: async () => (await apiFetch<{ rows: FollowUpRowData[] }>(`/api/dashboard/follow-ups?${new URLSearchParams(query)}`)).rows,
    initialData: unfiltered ? initialRows : undefined,
    // While a new filter loads, the previous list stays instead of "no match".
    placeholderData: (previous) => previous,
  });
  const now = useNow();
  const t = useTranslations("followUps");
  const problemText = useProblemText();
  if (unfiltered && rows.length === 0) {
    return (
      <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
    );
  }
  return (
    <>
      <FilterBar filters={filters} onChange={setFilters} />
      {error ? <p role="alert" className="mb-4 text-sm text-red-700">{problemText(error)}</p> : null}
      {rows.length === 0 ? <p className="text-sm text-slate-600">{t("noMatch")}</p> : null}
      <div className="flex flex-col gap-6">
        {SECTIONS.map((key) => {
          const title = t(`sections.${key}`);
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
    </>
  );
}
