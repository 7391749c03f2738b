// Pure: a funnel report as CSV, one figure per row (section, group, stage,
// measure, value), so a spreadsheet can pivot it any way. Rates are fractions
// (0.25), times are seconds, empty values are blank. Text cells that a
// spreadsheet would run as a formula are quoted with a leading apostrophe.
import type { FunnelReport } from "./report";
import type { FunnelStage } from "./stages";

const HEADER = ["section", "group", "stage", "measure", "value"];

function cell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function stageRows(group: string, stages: FunnelStage[]): (string | number | null)[][] {
  return stages.flatMap((stage) => [
    ["stage", group, stage.key, "count", stage.count],
    ["stage", group, stage.key, "conversion", stage.conversion],
    ["stage", group, stage.key, "in_progress", stage.inProgress],
    ...Object.entries(stage.inProgressBy).map(([state, count]) => ["in_progress", group, stage.key, state, count]),
    ...Object.entries(stage.dropped).map(([reason, count]) => ["dropped", group, stage.key, reason, count]),
  ]);
}

export function funnelCsv(report: FunnelReport): string {
  const rows: (string | number | null)[][] = [
    HEADER,
    ["period", "", "", "from", report.from],
    ["period", "", "", "to", report.to],
    ["period", "", "", "timezone", report.timezone],
    ...stageRows("", report.stages),
    ...Object.entries(report.times).flatMap(([stage, time]) => [
      ["time", "", stage, "conversations", time.conversations],
      ["time", "", stage, "median_seconds", time.medianSeconds],
      ["time", "", stage, "p90_seconds", time.p90Seconds],
    ]),
    ...Object.entries(report.extractionAccuracy).map(([field, rate]) => ["extraction_accuracy", "", "", field, rate]),
    ["extraction_accuracy", "", "", "approved_leads", report.accuracyBasis.approvedLeads],
    ...report.groups.flatMap((group) => stageRows(group.label, group.stages)),
  ];
  return `${rows.map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}
