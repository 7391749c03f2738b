// The funnel per group of the chosen breakdown (product, urgency, language,
// source, owner, reviewer): each stage's count and conversion, one row a group.
"use client";
import { useLocale, useTranslations } from "next-intl";
import { phraseWords } from "@/lib/i18n/phrase";
import { percentText } from "@/lib/funnel/format";
import type { FunnelReport } from "@/lib/funnel/report";

export function BreakdownTable({ report }: { report: FunnelReport }) {
  const groupBy = report.groupBy!;
  const t = useTranslations("funnel");
  const root = useTranslations();
  const locale = useLocale();
  const group = t(`groups.${groupBy}`);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid="funnel-breakdown">
        <caption className="px-3 py-2 text-left font-semibold">{t("breakdown.caption", { group: group.toLowerCase() })}</caption>
        <thead className="bg-slate-100 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">{group}</th>
            {report.stages.map((stage) => (
              <th key={stage.key} scope="col" className="px-3 py-2 text-right">{t(`stages.${stage.key}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.groups.map((group) => (
            <tr key={group.key ?? "none"} className="border-t border-slate-100" data-testid="funnel-group">
              <th scope="row" className="px-3 py-2 text-left font-medium">{phraseWords(root, "funnel.groupLabel", group.labelPhrase)}</th>
              {group.stages.map((stage, index) => (
                <td key={stage.key} className="px-3 py-2 text-right tabular-nums">
                  {stage.count}
                  {index > 0 && <span className="ml-1 text-xs text-slate-600">({percentText(stage.conversion, locale)})</span>}
                </td>
              ))}
            </tr>
          ))}
          {report.groups.length === 0 && (
            <tr>
              <td colSpan={report.stages.length + 1} className="px-3 py-4 text-center text-slate-600">{t("breakdown.empty")}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
