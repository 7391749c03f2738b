"use client";
// The Funnel page's body: the period picker and breakdown selector (kept in
// the URL), the report and the previous period's (TanStack Query, through the
// shared API client), the chart, the accessible tables and the CSV download.
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { apiFetch } from "@/app/_components/api";
import { EmptyState } from "@/app/_components/empty-state";
import { periodText } from "@/lib/funnel/format";
import { FUNNEL_GROUPS, funnelSearchParams, funnelSelection, GROUP_LABELS, periodDays, previousPeriod, type FunnelGroupBy, type FunnelSelection } from "@/lib/funnel/period";
import { funnelKeys } from "@/lib/funnel/query-keys";
import type { FunnelReport } from "@/lib/funnel/report";
import { BreakdownTable } from "./breakdown-table";
import { FunnelCharts } from "./funnel-charts";
import { PeriodPicker } from "./period-picker";
import { ExtractionQualityTable, TimesTable } from "./quality-tables";
import { StageTable } from "./stage-table";

const fetchReport = (selection: FunnelSelection) => apiFetch<FunnelReport>(`/api/v1/funnel?${funnelSearchParams(selection)}`);

export function FunnelView({ workspaceId, timezone, today, initialReport }: { workspaceId: string; timezone: string; today: string; initialReport: FunnelReport }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [initial] = useState<FunnelSelection>(() => ({ from: initialReport.from, to: initialReport.to, groupBy: initialReport.groupBy ?? undefined }));
  // The server read the same URL: without a valid period in it, it chose the default one.
  const selection = useMemo(() => funnelSelection(Object.fromEntries(new URLSearchParams(searchParams.toString())), initial), [searchParams, initial]);
  const isInitial = selection.from === initial.from && selection.to === initial.to && selection.groupBy === initial.groupBy;

  const report = useQuery({
    queryKey: funnelKeys.report(workspaceId, selection),
    queryFn: () => fetchReport(selection),
    initialData: isInitial ? initialReport : undefined,
    placeholderData: (previous) => previous,
  });
  const previous = previousPeriod(selection);
  const previousReport = useQuery({ queryKey: funnelKeys.report(workspaceId, previous), queryFn: () => fetchReport(previous) });

  const select = useCallback(
    (next: FunnelSelection) => router.replace(`${pathname}?${funnelSearchParams(next)}`, { scroll: false }),
    [router, pathname],
  );

  const data = report.data;
  const shown = data && data.from === selection.from && data.to === selection.to;
  const csvHref = `/api/v1/funnel?${funnelSearchParams({ ...selection, format: "csv" })}`;

  return (
    <div className="space-y-6" data-testid="funnel-page" aria-busy={report.isFetching}>
      <div className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <PeriodPicker period={selection} today={today} onChange={(period) => select({ ...period, groupBy: selection.groupBy })} />
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-700">Break down by</span>
          <select
            className="rounded border border-slate-300 bg-white px-2 py-1 text-sm"
            value={selection.groupBy ?? ""}
            onChange={(event) => select({ from: selection.from, to: selection.to, groupBy: (event.target.value || undefined) as FunnelGroupBy | undefined })}
          >
            <option value="">Nothing</option>
            {FUNNEL_GROUPS.map((group) => (
              <option key={group} value={group}>{GROUP_LABELS[group]}</option>
            ))}
          </select>
        </label>
        <a href={csvHref} download className="ml-auto rounded border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50">
          Download CSV
        </a>
      </div>

      <p className="text-sm text-slate-700" data-testid="funnel-period">
        Conversations whose first message was in <strong>{periodText(selection)}</strong> ({timezone}), compared with the{" "}
        {periodDays(selection) === 1 ? "day" : `${periodDays(selection)} days`} before: {periodText(previous)}.
      </p>

      {report.isError && <p role="alert" className="text-sm text-red-700">{(report.error as Error).message}</p>}
      {data && shown && data.stages[0]!.count === 0 ? (
        <EmptyState title="No conversations started in this period">
          Pick a longer or earlier period. Conversations count from their first message, in the workspace&apos;s time zone.
        </EmptyState>
      ) : null}
      {data && (
        <>
          <FunnelCharts report={data} timezone={timezone} />
          <StageTable report={data} previous={previousReport.data ?? null} timezone={timezone} />
          {data.groupBy && <BreakdownTable report={data} />}
          <div className="grid gap-6 xl:grid-cols-2">
            <TimesTable report={data} />
            <ExtractionQualityTable report={data} />
          </div>
        </>
      )}
    </div>
  );
}
