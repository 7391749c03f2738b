// Where a funnel outcome's conversations are listed: the review queue,
// filtered to that outcome within the period's cohort (the instants of its
// first and last day in the workspace's time zone).
import type { FunnelOutcome } from "@/lib/funnel/outcomes";
import { periodBounds, type FunnelPeriod } from "@/lib/funnel/period";
import { queueSearchParams } from "@/lib/leads/queue-query";

export function queueHref(outcome: FunnelOutcome, period: FunnelPeriod, timezone: string): string {
  const { start, end } = periodBounds(period, timezone);
  return `/queue?${queueSearchParams({ funnel: outcome, firstMessageFrom: start.toISOString(), firstMessageTo: end.toISOString() })}`;
}

/** The outcomes of a stage's step with at least one conversation, for lists of links. */
export function presentOutcomes(counts: Partial<Record<FunnelOutcome, number>>): { outcome: FunnelOutcome; count: number }[] {
  return (Object.entries(counts) as [FunnelOutcome, number][]).filter(([, count]) => count > 0).map(([outcome, count]) => ({ outcome, count }));
}
