// Pure: the funnel report's shape, and how it is assembled from the
// database's aggregates (counts per group, outcome and corrected fields;
// stage-time percentiles) with the stages of stages.ts.
import { LEAD_FIELDS, type LeadField } from "@/lib/extraction/types";
import { phrase, type Phrase } from "@/lib/i18n/phrase";
import { FUNNEL_OUTCOME_KEYS, outcomesReaching, type FunnelOutcome } from "./outcomes";
import type { FunnelGroupBy, FunnelQuery } from "./period";
import { addOutcomeCounts, stagesFromOutcomes, type FunnelStage, type OutcomeCounts } from "./stages";

export const TIMED_STAGES = ["proposed", "approved", "synced", "followed_up"] as const;
export type TimedStage = (typeof TIMED_STAGES)[number];

/** From the first message to reaching a stage, over the cohort's conversations that reached it. */
export type StageTime = { conversations: number; medianSeconds: number | null; p90Seconds: number | null };

/** `label` in English (the API's and the CSV's); `labelPhrase` for the dashboard to word the groups that are not data. */
export type FunnelGroup = { key: string | null; label: string; labelPhrase: Phrase; stages: FunnelStage[] };

export type FunnelReport = {
  from: string;
  to: string;
  timezone: string;
  groupBy: FunnelGroupBy | null;
  stages: FunnelStage[];
  times: Record<TimedStage, StageTime>;
  /** Per field, the share of approved and merged leads whose approved value is what extraction proposed; null without any. */
  extractionAccuracy: Record<LeadField, number | null>;
  /** What the accuracy is measured on: approved and merged leads, and reviewers' corrections per field. */
  accuracyBasis: { approvedLeads: number; corrections: Record<LeadField, number> };
  groups: FunnelGroup[];
};

/** The group a conversation without the breakdown's value falls in. */
export const NONE_LABELS: Record<FunnelGroupBy, string> = {
  product: "No product",
  urgency: "No urgency",
  language: "Language unknown",
  source: "Source unknown",
  owner: "Unassigned",
  reviewer: "Not reviewed",
};

/** What the database counts: conversations per group, outcome and the fields a reviewer corrected (sorted), and the stage times. */
export type Aggregates = {
  buckets: { group_key: string | null; group_label: string | null; outcome: FunnelOutcome; corrected_fields: string[]; conversations: number }[];
  times: Record<TimedStage, { conversations: number; percentiles: [number, number] | null }>;
};

/** Where a group's label is the product's own word (no value, an urgency level, a source), a code; else the data as it is. */
function groupPhrase(groupBy: FunnelGroupBy, key: string | null, label: string): Phrase {
  if (key === null) return phrase(`none_${groupBy}`, label);
  if (groupBy === "urgency") return phrase(`urgency_${key}`, label);
  if (groupBy === "source" && !key.startsWith("whatsapp:")) return phrase(`source_${key}`, label);
  return phrase("as_stored", label);
}

function groupsOf(buckets: Aggregates["buckets"], groupBy: FunnelGroupBy): FunnelGroup[] {
  const byKey = new Map<string | null, { label: string; counts: OutcomeCounts; total: number }>();
  for (const bucket of buckets) {
    const group = byKey.get(bucket.group_key) ?? { label: bucket.group_label ?? bucket.group_key ?? NONE_LABELS[groupBy], counts: {}, total: 0 };
    addOutcomeCounts(group.counts, { [bucket.outcome]: bucket.conversations });
    group.total += bucket.conversations;
    byKey.set(bucket.group_key, group);
  }
  return [...byKey.entries()]
    .sort(([keyA, a], [keyB, b]) => Number(keyA === null) - Number(keyB === null) || b.total - a.total || a.label.localeCompare(b.label))
    .map(([key, group]) => ({ key, label: group.label, labelPhrase: groupPhrase(groupBy, key, group.label), stages: stagesFromOutcomes(group.counts) }));
}

/** Per field, the approved and merged leads a reviewer corrected it on. */
function correctionsOfApproved(buckets: Aggregates["buckets"]): Record<LeadField, number> {
  const approved = new Set<string>(outcomesReaching("approved"));
  const corrections = Object.fromEntries(LEAD_FIELDS.map((field) => [field, 0])) as Record<LeadField, number>;
  for (const bucket of buckets) {
    if (!approved.has(bucket.outcome)) continue;
    for (const field of bucket.corrected_fields) {
      if (field in corrections) corrections[field as LeadField] += bucket.conversations;
    }
  }
  return corrections;
}

/** The report from the database's aggregates. */
export function reportFromAggregates(query: Pick<FunnelQuery, "from" | "to" | "groupBy">, timezone: string, aggregates: Aggregates): FunnelReport {
  const known = new Set<string>(FUNNEL_OUTCOME_KEYS);
  const unknown = aggregates.buckets.find((bucket) => !known.has(bucket.outcome));
  if (unknown) throw new Error(`The funnel's SQL gave an outcome the funnel does not know: ${unknown.outcome}`);
  const counts = aggregates.buckets.reduce<OutcomeCounts>((sum, bucket) => addOutcomeCounts(sum, { [bucket.outcome]: bucket.conversations }), {});
  const stages = stagesFromOutcomes(counts);
  const approvedLeads = stages.find((stage) => stage.key === "approved")!.count;
  const corrections = correctionsOfApproved(aggregates.buckets);
  const times = Object.fromEntries(
    TIMED_STAGES.map((stage) => {
      const time = aggregates.times[stage];
      return [stage, { conversations: time.conversations, medianSeconds: time.percentiles?.[0] ?? null, p90Seconds: time.percentiles?.[1] ?? null }];
    }),
  ) as Record<TimedStage, StageTime>;
  return {
    from: query.from,
    to: query.to,
    timezone,
    groupBy: query.groupBy ?? null,
    stages,
    times,
    extractionAccuracy: Object.fromEntries(LEAD_FIELDS.map((field) => [field, approvedLeads === 0 ? null : 1 - corrections[field] / approvedLeads])) as Record<LeadField, number | null>,
    accuracyBasis: { approvedLeads, corrections },
    groups: query.groupBy ? groupsOf(aggregates.buckets, query.groupBy) : [],
  };
}

