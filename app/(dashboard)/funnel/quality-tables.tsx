// Speed to lead (median and 90th percentile from the first message to each
// stage) and extraction quality (per field, the share of approved and merged
// leads whose approved value is what extraction proposed).
"use client";
import { useLocale, useTranslations } from "next-intl";
import { durationText, percentText } from "@/lib/funnel/format";
import type { FunnelReport, TimedStage } from "@/lib/funnel/report";

// In this order; labels are catalog keys under "funnel.quality.fields".
const FIELDS: (keyof FunnelReport["extractionAccuracy"])[] = ["name", "email", "phone", "company", "product_interest", "urgency_level"];

const card = "overflow-x-auto rounded-lg border border-slate-200 bg-white";

export function TimesTable({ report }: { report: FunnelReport }) {
  const t = useTranslations("funnel.times");
  return (
    <div className={card}>
      <table className="w-full text-sm" data-testid="funnel-times">
        <caption className="px-3 py-2 text-left font-semibold">{t("caption")}</caption>
        <thead className="bg-slate-100 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">{t("step")}</th>
            <th scope="col" className="px-3 py-2 text-right">{t("median")}</th>
            <th scope="col" className="px-3 py-2 text-right">{t("p90")}</th>
            <th scope="col" className="px-3 py-2 text-right">{t("conversations")}</th>
          </tr>
        </thead>
        <tbody>
          {(Object.entries(report.times) as [TimedStage, FunnelReport["times"][TimedStage]][]).map(([stage, time]) => (
            <tr key={stage} className="border-t border-slate-100">
              <th scope="row" className="px-3 py-2 text-left font-medium">{t(`steps.${stage}`)}</th>
              <td className="px-3 py-2 text-right tabular-nums">{durationText(time.medianSeconds)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{durationText(time.p90Seconds)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{time.conversations}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ExtractionQualityTable({ report }: { report: FunnelReport }) {
  const { approvedLeads, corrections } = report.accuracyBasis;
  const t = useTranslations("funnel.quality");
  const locale = useLocale();
  return (
    <div className={card}>
      <table className="w-full text-sm" data-testid="funnel-accuracy">
        <caption className="px-3 py-2 text-left font-semibold">
          {t("caption")}
          <span className="block text-xs font-normal text-slate-600">
            {t("basis", { count: approvedLeads })}
          </span>
        </caption>
        <thead className="bg-slate-100 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">{t("field")}</th>
            <th scope="col" className="px-3 py-2 text-right">{t("accuracy")}</th>
            <th scope="col" className="px-3 py-2 text-right">{t("corrected")}</th>
          </tr>
        </thead>
        <tbody>
          {FIELDS.map((field) => (
            <tr key={field} className="border-t border-slate-100">
              <th scope="row" className="px-3 py-2 text-left font-medium">{t(`fields.${field}`)}</th>
              <td className="px-3 py-2 text-right tabular-nums">{percentText(report.extractionAccuracy[field], locale)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{corrections[field]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
