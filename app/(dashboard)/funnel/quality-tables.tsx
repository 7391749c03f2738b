// Speed to lead (median and 90th percentile from the first message to each
// stage) and extraction quality (per field, the share of approved and merged
// leads whose approved value is what extraction proposed).
import { durationText, percentText } from "@/lib/funnel/format";
import type { FunnelReport, TimedStage } from "@/lib/funnel/report";

const TIME_LABELS: Record<TimedStage, string> = {
  proposed: "To proposal",
  approved: "To approval",
  synced: "To the CRM",
  followed_up: "To the first follow-up done",
};

const FIELD_LABELS: Record<keyof FunnelReport["extractionAccuracy"], string> = {
  name: "Name",
  email: "Email",
  phone: "Phone",
  company: "Company",
  product_interest: "Product",
  urgency_level: "Urgency",
};

const card = "overflow-x-auto rounded-lg border border-slate-200 bg-white";

export function TimesTable({ report }: { report: FunnelReport }) {
  return (
    <div className={card}>
      <table className="w-full text-sm" data-testid="funnel-times">
        <caption className="px-3 py-2 text-left font-semibold">Speed to lead, from the first message</caption>
        <thead className="bg-slate-100 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">Step</th>
            <th scope="col" className="px-3 py-2 text-right">Median</th>
            <th scope="col" className="px-3 py-2 text-right">90th percentile</th>
            <th scope="col" className="px-3 py-2 text-right">Conversations</th>
          </tr>
        </thead>
        <tbody>
          {(Object.entries(report.times) as [TimedStage, FunnelReport["times"][TimedStage]][]).map(([stage, time]) => (
            <tr key={stage} className="border-t border-slate-100">
              <th scope="row" className="px-3 py-2 text-left font-medium">{TIME_LABELS[stage]}</th>
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
  return (
    <div className={card}>
      <table className="w-full text-sm" data-testid="funnel-accuracy">
        <caption className="px-3 py-2 text-left font-semibold">
          Extraction quality: approved as extracted
          <span className="block text-xs font-normal text-slate-600">
            Measured by reviewers on {approvedLeads} approved or merged {approvedLeads === 1 ? "lead" : "leads"} of this period.
          </span>
        </caption>
        <thead className="bg-slate-100 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">Field</th>
            <th scope="col" className="px-3 py-2 text-right">Accuracy</th>
            <th scope="col" className="px-3 py-2 text-right">Corrected by reviewers</th>
          </tr>
        </thead>
        <tbody>
          {(Object.keys(FIELD_LABELS) as (keyof typeof FIELD_LABELS)[]).map((field) => (
            <tr key={field} className="border-t border-slate-100">
              <th scope="row" className="px-3 py-2 text-left font-medium">{FIELD_LABELS[field]}</th>
              <td className="px-3 py-2 text-right tabular-nums">{percentText(report.extractionAccuracy[field])}</td>
              <td className="px-3 py-2 text-right tabular-nums">{corrections[field]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
