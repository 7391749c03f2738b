// What the database's triggers keep for each conversation, computed in bulk:
// benchmarks seed with triggers off (`session_replication_role = replica`),
// since one trigger run per seeded row would take minutes, and then fill the
// derived rows the way the migrations' own backfills do: the queue's copy of
// each proposal's status and urgency rank on its conversation
// (queue_status_and_urgency_rank), and every conversation's funnel outcome
// (funnel_outcomes).

export const QUEUE_COLUMNS_BACKFILL_SQL = `
UPDATE conversations c
   SET proposal_status = p.status,
       urgency_rank = CASE p.urgency_level WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END
  FROM lead_proposals p
 WHERE p.conversation_id = c.id`;

export const FUNNEL_OUTCOMES_BACKFILL_SQL = "INSERT INTO funnel_outcomes SELECT * FROM funnel_outcome_rows(ARRAY(SELECT id FROM conversations))";

/** Runs `seedSql` with triggers off, then fills what they would have kept. */
export function seedWithoutTriggersSql(seedSql: string): string {
  return `SET session_replication_role = replica;
${seedSql}
RESET session_replication_role;
${QUEUE_COLUMNS_BACKFILL_SQL};
${FUNNEL_OUTCOMES_BACKFILL_SQL};
ANALYZE;`;
}
