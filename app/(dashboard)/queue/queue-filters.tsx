"use client";
// The queue's filter bar: search always in view; status (several, within the
// work list's view), urgency, flag, product, language, last-message date range
// and sort folded under "Filters" (with how many are on), so the list keeps its
// room beside the review pane. Every control has a label; the values live in
// the URL (use-queue-list.ts), so this only reports changes.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { leadStatusWords, urgencyWords } from "@/app/_components/lead-words";
import { QUEUE_FLAGS, QUEUE_SORTS, QUEUE_STATUSES, QUEUE_URGENCIES, VIEW_STATUSES, type QueueSort, type QueueStatus } from "@/lib/leads/queue-query";
import type { QueueFilters } from "@/lib/leads/query-keys";

const SEARCH_DELAY_MS = 300;

const control = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";

export function QueueFilterBar({ filters, products, onChange }: { filters: QueueFilters; products: string[]; onChange: (next: QueueFilters) => void }) {
  const [search, setSearch] = useState(filters.q ?? "");
  const t = useTranslations();
  // Typing updates the URL after a pause, not on every key.
  useEffect(() => {
    if ((filters.q ?? "") === search.trim()) return;
    const timer = setTimeout(() => onChange({ ...filters, q: search.trim() || undefined }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, filters, onChange]);

  const set = <K extends keyof QueueFilters>(key: K, value: QueueFilters[K]) => onChange({ ...filters, [key]: value });
  const toggleStatus = (status: QueueStatus, on: boolean) => {
    const next = new Set(filters.status ?? []);
    if (on) next.add(status);
    else next.delete(status);
    set("status", next.size ? QUEUE_STATUSES.filter((s) => next.has(s)) : undefined);
  };

  const statuses = filters.view ? VIEW_STATUSES[filters.view] : QUEUE_STATUSES;
  const active = [filters.status?.length, filters.urgency?.length, filters.flag?.length, filters.product, filters.language, filters.from, filters.to, filters.sort !== "newest"].filter(Boolean).length;

  return (
    <div className="mb-3 space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="queue-filters">
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-700">{t("queue.filters.search")}</span>
        <input type="search" className={control} value={search} onChange={(event) => setSearch(event.target.value)} placeholder={t("queue.filters.searchPlaceholder")} />
      </label>
      <details className="group">
        <summary className="cursor-pointer text-xs font-medium text-slate-800">
          {t("queue.filters.summary", { active })}
        </summary>
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-700">{t("queue.filters.urgency")}</span>
          <select className={control} value={filters.urgency?.[0] ?? ""} onChange={(event) => set("urgency", event.target.value ? [event.target.value as (typeof QUEUE_URGENCIES)[number]] : undefined)}>
            <option value="">{t("common.any")}</option>
            {QUEUE_URGENCIES.map((level) => <option key={level} value={level}>{urgencyWords(t, level)}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-700">{t("queue.filters.flag")}</span>
          <select className={control} value={filters.flag?.[0] ?? ""} onChange={(event) => set("flag", event.target.value ? [event.target.value as (typeof QUEUE_FLAGS)[number]] : undefined)}>
            <option value="">{t("common.any")}</option>
            {QUEUE_FLAGS.map((flag) => <option key={flag} value={flag}>{t(`queue.filters.flags.${flag}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-700">{t("queue.filters.product")}</span>
          <select className={control} value={filters.product ?? ""} onChange={(event) => set("product", event.target.value || undefined)}>
            <option value="">{t("common.any")}</option>
            {[...new Set([...products, ...(filters.product ? [filters.product] : [])])].map((product) => <option key={product} value={product}>{product}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-700">{t("queue.filters.language")}</span>
          <input className={`${control} w-20`} value={filters.language ?? ""} maxLength={35} placeholder="pt" onChange={(event) => set("language", event.target.value.trim() || undefined)} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-700">{t("queue.filters.from")}</span>
          <input type="date" className={control} value={filters.from?.slice(0, 10) ?? ""} onChange={(event) => set("from", event.target.value || undefined)} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-700">{t("queue.filters.to")}</span>
          <input type="date" className={control} value={filters.to?.slice(0, 10) ?? ""} onChange={(event) => set("to", event.target.value || undefined)} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-700">{t("queue.filters.sort")}</span>
          <select className={control} value={filters.sort} onChange={(event) => set("sort", event.target.value as QueueSort)}>
            {QUEUE_SORTS.map((sort) => <option key={sort} value={sort}>{t(`queue.filters.sorts.${sort}`)}</option>)}
          </select>
        </label>
      </div>
      <fieldset className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1">
        <legend className="float-left mr-3 text-xs font-medium text-slate-700">{t("queue.filters.status")}</legend>
        {statuses.map((status) => (
          <label key={status} className="flex items-center gap-1">
            <input type="checkbox" checked={filters.status?.includes(status) ?? false} onChange={(event) => toggleStatus(status, event.target.checked)} />
            {leadStatusWords(t, status)}
          </label>
        ))}
      </fieldset>
      </details>
    </div>
  );
}
