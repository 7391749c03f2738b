// Pure: a cohort's stages from how many of its conversations ended in each
// outcome. Each stage describes the step into it from the stage before:
// previous.count = count + inProgress + the sum of dropped.
import { FUNNEL_OUTCOME_KEYS, FUNNEL_STAGES, outcomesInto, outcomesReaching, type FunnelOutcome, type FunnelStageKey } from "./outcomes";

export type OutcomeCounts = Partial<Record<FunnelOutcome, number>>;

export type FunnelStage = {
  key: FunnelStageKey;
  count: number;
  /** count / the previous stage's count; null for the first stage and after an empty one. */
  conversion: number | null;
  /** Conversations that have not reached this stage yet but still may. */
  inProgress: number;
  /** The same, by what they are waiting for. */
  inProgressBy: Partial<Record<FunnelOutcome, number>>;
  /** Conversations lost on the way into this stage, by reason (every reason listed, zeros too). */
  dropped: Partial<Record<FunnelOutcome, number>>;
};

const countOf = (counts: OutcomeCounts, outcomes: FunnelOutcome[]) => outcomes.reduce((sum, outcome) => sum + (counts[outcome] ?? 0), 0);
const byOutcome = (counts: OutcomeCounts, outcomes: FunnelOutcome[]) => Object.fromEntries(outcomes.map((outcome) => [outcome, counts[outcome] ?? 0]));

export function stagesFromOutcomes(counts: OutcomeCounts): FunnelStage[] {
  let previous: number | null = null;
  return FUNNEL_STAGES.map((key) => {
    const count = countOf(counts, outcomesReaching(key));
    const inProgress = outcomesInto(key, "in_progress");
    const stage: FunnelStage = {
      key,
      count,
      conversion: previous === null || previous === 0 ? null : count / previous,
      inProgress: countOf(counts, inProgress),
      inProgressBy: byOutcome(counts, inProgress),
      dropped: byOutcome(counts, outcomesInto(key, "dropped")),
    };
    previous = count;
    return stage;
  });
}

/** Adds outcome counts together (groups into the whole cohort). */
export function addOutcomeCounts(into: OutcomeCounts, more: OutcomeCounts): OutcomeCounts {
  for (const outcome of FUNNEL_OUTCOME_KEYS) {
    if (more[outcome]) into[outcome] = (into[outcome] ?? 0) + more[outcome]!;
  }
  return into;
}
