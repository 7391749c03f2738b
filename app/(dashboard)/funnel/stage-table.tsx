// The funnel's figures as an accessible table: each stage's count, its
// conversion from the stage before, the previous period's count and the
// change, and what stopped on the way in: still in progress, or dropped by
// reason. Each of those opens the queue filtered to its conversations.
"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { changeText, percentText } from "@/lib/funnel/format";
import type { FunnelOutcome } from "@/lib/funnel/outcomes";
import type { FunnelReport } from "@/lib/funnel/report";
import { presentOutcomes, queueHref } from "./queue-link";

function OutcomeLinks({ counts, report, timezone, testId }: { counts: Partial<Record<FunnelOutcome, number>>; report: FunnelReport; timezone: string; testId: string }) {
  const present = presentOutcomes(counts);
  const t = useTranslations("funnel");
  if (present.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <ul className="space-y-0.5" data-testid={testId}>
      {present.map(({ outcome, count }) => (
        <li key={outcome}>
          <Link href={queueHref(outcome, report, timezone)} className="underline decoration-slate-400 hover:text-slate-900" data-outcome={outcome}>
            {t("outcomeCount", { label: t(`outcomes.${outcome}`), count })}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function StageTable({ report, previous, timezone }: { report: FunnelReport; previous: FunnelReport | null; timezone: string }) {
  const t = useTranslations("funnel");
  const locale = useLocale();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid="funnel-table">
        <caption className="px-3 py-2 text-left font-semibold">{t("table.caption")}</caption>
        <thead className="bg-slate-100 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">{t("table.stage")}</th>
            <th scope="col" className="px-3 py-2 text-right">{t("table.conversations")}</th>
            <th scope="col" className="px-3 py-2 text-right">{t("table.conversion")}</th>
            <th scope="col" className="px-3 py-2 text-right">{t("table.previous")}</th>
            <th scope="col" className="px-3 py-2 text-right">{t("table.change")}</th>
            <th scope="col" className="px-3 py-2">{t("table.inProgress")}</th>
            <th scope="col" className="px-3 py-2">{t("table.dropped")}</th>
          </tr>
        </thead>
        <tbody>
          {report.stages.map((stage, index) => {
            const before = previous?.stages[index];
            return (
              <tr key={stage.key} className="border-t border-slate-100 align-top" data-testid="funnel-stage" data-stage={stage.key}>
                <th scope="row" className="px-3 py-2 text-left font-medium">{t(`stages.${stage.key}`)}</th>
                <td className="px-3 py-2 text-right tabular-nums" data-testid="stage-count">{stage.count}</td>
                <td className="px-3 py-2 text-right tabular-nums">{index === 0 ? "" : percentText(stage.conversion, locale)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{before ? before.count : "…"}</td>
                <td className="px-3 py-2 text-right tabular-nums">{before ? changeText(stage.count, before.count, locale, t("new")) : ""}</td>
                <td className="px-3 py-2">
                  <OutcomeLinks counts={stage.inProgressBy} report={report} timezone={timezone} testId="stage-in-progress" />
                </td>
                <td className="px-3 py-2">
                  <OutcomeLinks counts={stage.dropped} report={report} timezone={timezone} testId="stage-dropped" />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
