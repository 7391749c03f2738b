// The funnel's vocabulary (pure, browser-safe): its five stages in order, and
// every outcome a conversation of a cohort can have. An outcome says how far
// the conversation got and why it went no further: it reached the stage before
// `stage` and is either still moving (`in_progress`) or lost there (`dropped`,
// by reason). `followed_up` is the one outcome that reached the last stage.
// The SQL function funnel_outcome_rows (migration `funnel_outcomes`) gives each
// conversation its outcome, stored in `funnel_outcomes`; lib/funnel/outcome-sql.ts reads it.
// The words people read for stages and outcomes are in messages/*.json ("funnel").

export const FUNNEL_STAGES = ["conversations", "proposed", "approved", "synced", "followed_up"] as const;
export type FunnelStageKey = (typeof FUNNEL_STAGES)[number];

type OutcomeDefinition = {
  /** The stage the conversation did not reach (null: it reached them all). */
  stage: Exclude<FunnelStageKey, "conversations"> | null;
  kind: "in_progress" | "dropped" | "reached";
  label: string;
};

export const FUNNEL_OUTCOMES = {
  // Did not reach `proposed`.
  not_extracted: { stage: "proposed", kind: "in_progress", label: "Not extracted yet" },
  no_name: { stage: "proposed", kind: "dropped", label: "Insufficient data: no name" },
  no_valid_contact: { stage: "proposed", kind: "dropped", label: "Insufficient data: no valid contact" },
  extraction_failed: { stage: "proposed", kind: "dropped", label: "Extraction failed" },
  opted_out: { stage: "proposed", kind: "dropped", label: "Opted out" },
  // Did not reach `approved`.
  awaiting_review: { stage: "approved", kind: "in_progress", label: "Awaiting review" },
  rejected_spam: { stage: "approved", kind: "dropped", label: "Rejected: spam" },
  rejected_not_a_lead: { stage: "approved", kind: "dropped", label: "Rejected: not a lead" },
  rejected_duplicate: { stage: "approved", kind: "dropped", label: "Rejected: duplicate" },
  rejected_wrong_number: { stage: "approved", kind: "dropped", label: "Rejected: wrong number" },
  rejected_other: { stage: "approved", kind: "dropped", label: "Rejected: other" },
  // Did not reach `synced`.
  undo_window: { stage: "synced", kind: "in_progress", label: "In the undo window" },
  syncing: { stage: "synced", kind: "in_progress", label: "Syncing" },
  sync_failed: { stage: "synced", kind: "dropped", label: "Sync failed" },
  // Did not reach `followed_up`.
  follow_up_scheduled: { stage: "followed_up", kind: "in_progress", label: "Follow-up scheduled" },
  follow_up_cancelled: { stage: "followed_up", kind: "dropped", label: "Follow-up cancelled" },
  follow_up_failed: { stage: "followed_up", kind: "dropped", label: "Follow-up failed" },
  no_follow_up_planned: { stage: "followed_up", kind: "dropped", label: "No follow-up planned" },
  // Reached every stage.
  followed_up: { stage: null, kind: "reached", label: "Followed up" },
} as const satisfies Record<string, OutcomeDefinition>;

export type FunnelOutcome = keyof typeof FUNNEL_OUTCOMES;
export const FUNNEL_OUTCOME_KEYS = Object.keys(FUNNEL_OUTCOMES) as [FunnelOutcome, ...FunnelOutcome[]];

/** The outcomes of one kind on the way into `stage`, in the order above. */
export function outcomesInto(stage: FunnelStageKey, kind: "in_progress" | "dropped"): FunnelOutcome[] {
  return FUNNEL_OUTCOME_KEYS.filter((key) => FUNNEL_OUTCOMES[key].stage === stage && FUNNEL_OUTCOMES[key].kind === kind);
}

/** The last stage a conversation with this outcome reached. */
export function reachedStage(outcome: FunnelOutcome): FunnelStageKey {
  const { stage } = FUNNEL_OUTCOMES[outcome];
  return stage === null ? "followed_up" : FUNNEL_STAGES[FUNNEL_STAGES.indexOf(stage) - 1]!;
}

/** The outcomes of conversations that reached `stage` (or went further). */
export function outcomesReaching(stage: FunnelStageKey): FunnelOutcome[] {
  const at = FUNNEL_STAGES.indexOf(stage);
  return FUNNEL_OUTCOME_KEYS.filter((key) => FUNNEL_STAGES.indexOf(reachedStage(key)) >= at);
}
