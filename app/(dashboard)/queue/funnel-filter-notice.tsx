"use client";
// Says that the queue shows the conversations the Funnel page linked to (one
// outcome of one period's cohort), and clears that filter. Times are shown in
// the viewer's zone and language.
import { useTranslations } from "next-intl";
import { DateTimeText } from "@/app/_components/time";
import type { QueueFilters } from "@/lib/leads/query-keys";

export function FunnelFilterNotice({ filters, onClear }: { filters: QueueFilters; onClear: () => void }) {
  const t = useTranslations();
  if (!filters.funnel && !filters.firstMessageFrom && !filters.firstMessageTo) return null;
  return (
    <div role="status" className="mb-3 flex flex-wrap items-center gap-3 rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm" data-testid="funnel-filter">
      <span>
        {t("funnelNotice.from")} {filters.funnel ? <strong>{t(`funnel.outcomes.${filters.funnel}`)}</strong> : t("funnelNotice.allOutcomes")}
        {filters.firstMessageFrom && <>{t("funnelNotice.firstFrom")} <DateTimeText iso={filters.firstMessageFrom} /></>}
        {filters.firstMessageTo && <>{t("funnelNotice.until")} <DateTimeText iso={filters.firstMessageTo} /></>}
      </span>
      <button type="button" onClick={onClear} className="font-medium text-slate-900 underline">
        {t("funnelNotice.clear")}
      </button>
    </div>
  );
}
