"use client";
// The Funnel page's body: the period picker and breakdown selector (kept in
// the URL), the report and the previous period's (TanStack Query, through the
// shared API client), the chart, the accessible tables and the CSV download.
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import { apiFetch } from "@/app/_components/api";
import { EmptyState } from "@/app/_components/empty-state";
import { useProblemText } from "@/app/_components/problem-text";
import { periodText } from "@/lib/funnel/format";
import { FUNNEL_GROUPS, funnelSearchParams, funnelSelection, periodDays, previousPeriod, type FunnelGroupBy, type FunnelSelection } from "@/lib/funnel/period";
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
  const t = useTranslations("funnel");
  const locale = useLocale();
  const problemText = useProblemText();
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
          <span className="text-xs font-medium text-slate-700">{t("breakDownBy")}</span>
          <select
            className="rounded border border-slate-300 bg-white px-2 py-1 text-sm"
            value={selection.groupBy ?? ""}
            onChange={(event) => select({ from: selection.from, to: selection.to, groupBy: (event.target.value || undefined) as FunnelGroupBy | undefined })}
          >
            <option value="">{t("nothing")}</option>
            {FUNNEL_GROUPS.map((group) => (
              <option key={group} value={group}>{t(`groups.${group}`)}</option>
            ))}
          </select>
        </label>
        <a href={csvHref} download className="ml-auto rounded border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50">
          {t("downloadCsv")}
        </a>
      </div>

      <p className="text-sm text-slate-700" data-testid="funnel-period">
        {t.rich("periodSummary", {
          strong: (chunks) => <strong>{chunks}</strong>,
          period: periodText(selection, locale),
          zone: timezone,
          days: periodDays(selection),
          previous: periodText(previous, locale),
        })}
      </p>

      {report.isError && <p role="alert" className="text-sm text-red-700">{problemText(report.error)}</p>}
      {data && shown && data.stages[0]!.count === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
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
