"use client";
// The funnel drawn with Recharts: the stages as a funnel, and beside it what
// stopped on the way into each stage, stacked by in-progress state and drop
// reason (click a segment to open those conversations in the queue). The
// figures are also in the table below, which is what screen readers get.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Bar, BarChart, Funnel, FunnelChart, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { FUNNEL_OUTCOME_KEYS, FUNNEL_OUTCOMES, type FunnelOutcome } from "@/lib/funnel/outcomes";
import type { FunnelReport } from "@/lib/funnel/report";
import { queueHref } from "./queue-link";

const STAGE_COLORS = ["#0f172a", "#1e3a8a", "#1d4ed8", "#0284c7", "#0d9488"];
const IN_PROGRESS_COLORS = ["#94a3b8", "#cbd5e1", "#64748b"];
const DROPPED_COLORS = ["#b91c1c", "#ea580c", "#d97706", "#be123c", "#9333ea", "#c2410c", "#a16207", "#7c2d12", "#db2777"];

function outcomeColor(outcome: FunnelOutcome, index: number): string {
  const palette = FUNNEL_OUTCOMES[outcome].kind === "in_progress" ? IN_PROGRESS_COLORS : DROPPED_COLORS;
  return palette[index % palette.length]!;
}

export function FunnelCharts({ report, timezone }: { report: FunnelReport; timezone: string }) {
  const router = useRouter();
  const t = useTranslations("funnel");
  const stageLabel = (key: string) => t(`stages.${key}`);
  if (report.stages[0]!.count === 0) return null;
  const funnel = report.stages.map((stage, index) => ({ name: t("outcomeCount", { label: stageLabel(stage.key), count: stage.count }), value: stage.count, fill: STAGE_COLORS[index]! }));
  const steps = report.stages.slice(1).map((stage) => ({ step: t("charts.toStage", { stage: stageLabel(stage.key) }), ...stage.inProgressBy, ...stage.dropped }));
  const shownOutcomes = FUNNEL_OUTCOME_KEYS.filter((outcome) => outcome !== "followed_up" && steps.some((step) => ((step as Record<string, unknown>)[outcome] as number | undefined) ?? 0));
  const summary = report.stages.map((stage) => `${stageLabel(stage.key)} ${stage.count}`).join(", ");

  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <figure className="rounded-lg border border-slate-200 bg-white p-3">
        <figcaption className="mb-2 text-sm font-semibold">{t("charts.funnel")}</figcaption>
        <div role="img" aria-label={t("charts.funnelLabel", { summary })} data-testid="funnel-chart" className="h-72">
          <ResponsiveContainer width="100%" height="100%">
            <FunnelChart margin={{ right: 160 }}>
              <Tooltip />
              <Funnel dataKey="value" nameKey="name" data={funnel} isAnimationActive={false}>
                <LabelList position="right" fill="#0f172a" stroke="none" dataKey="name" />
              </Funnel>
            </FunnelChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="rounded-lg border border-slate-200 bg-white p-3">
        <figcaption className="mb-2 text-sm font-semibold">{t("charts.stopped")}</figcaption>
        <div role="img" aria-label={t("charts.stoppedLabel")} data-testid="drop-off-chart" className="h-72">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={steps} layout="vertical" margin={{ left: 24 }}>
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="step" width={130} />
              <Tooltip />
              <Legend />
              {shownOutcomes.map((outcome, index) => (
                <Bar
                  key={outcome}
                  dataKey={outcome}
                  name={t(`outcomes.${outcome}`)}
                  stackId="stopped"
                  fill={outcomeColor(outcome, index)}
                  isAnimationActive={false}
                  cursor="pointer"
                  onClick={() => router.push(queueHref(outcome, report, timezone))}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
