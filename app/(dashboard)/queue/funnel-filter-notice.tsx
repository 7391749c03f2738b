"use client";
// Says that the queue shows the conversations the Funnel page linked to (one
// outcome of one period's cohort), and clears that filter. Times are shown in
// the browser's zone, so only once hydrated (the server's zone may differ).
import { useHydrated } from "@/app/_components/use-hydrated";
import { FUNNEL_OUTCOMES } from "@/lib/funnel/outcomes";
import type { QueueFilters } from "@/lib/leads/query-keys";

const when = (instant: string) => new Date(instant).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });

export function FunnelFilterNotice({ filters, onClear }: { filters: QueueFilters; onClear: () => void }) {
  const hydrated = useHydrated();
  if (!filters.funnel && !filters.firstMessageFrom && !filters.firstMessageTo) return null;
  return (
    <div role="status" className="mb-3 flex flex-wrap items-center gap-3 rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm" data-testid="funnel-filter">
      <span>
        From the funnel: {filters.funnel ? <strong>{FUNNEL_OUTCOMES[filters.funnel].label}</strong> : "all outcomes"}
        {hydrated && filters.firstMessageFrom && `, first message from ${when(filters.firstMessageFrom)}`}
        {hydrated && filters.firstMessageTo && ` until ${when(filters.firstMessageTo)}`}
      </span>
      <button type="button" onClick={onClear} className="font-medium text-slate-900 underline">
        Clear
      </button>
    </div>
  );
}
