-- The funnel for a whole year (100,000 conversations in the cohort) read every
-- row three times and computed each stage time per row as numeric
-- (extract(epoch ...)). Each stored row now also carries the seconds to every
-- stage it reached and the fields a reviewer corrected, so the funnel reads the
-- cohort twice (counts; times) with no per-row arithmetic and no join, and the
-- table is rebuilt with its fixed-width columns first, which makes reading
-- them cheaper (docs/decisions/0021). The rows are derived data: the table is
-- recreated and refilled from the rules, under the same names.

-- The functions that return or write the old row type go first.
DROP FUNCTION funnel_outcomes_refresh(UUID[]);
DROP FUNCTION funnel_outcome_rows(UUID[]);
DROP TABLE "funnel_outcomes";

-- CreateTable
CREATE TABLE "funnel_outcomes" (
    "conversation_id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "first_message_at" TIMESTAMPTZ(3) NOT NULL,
    "seconds_to_proposed" DOUBLE PRECISION,
    "seconds_to_approved" DOUBLE PRECISION,
    "seconds_to_synced" DOUBLE PRECISION,
    "seconds_to_followed_up" DOUBLE PRECISION,
    "outcome" TEXT NOT NULL,
    "corrected_fields" TEXT[],
    "proposal_id" UUID,
    "extracted_at" TIMESTAMPTZ(3),
    "reviewed_at" TIMESTAMPTZ(3),
    "synced_at" TIMESTAMPTZ(3),
    "first_follow_up_done_at" TIMESTAMPTZ(3),
    "product_interest" TEXT,
    "urgency_level" TEXT,
    "language" TEXT,
    "source" TEXT NOT NULL,
    "whatsapp_phone_number_id" TEXT,
    "owner_id" UUID,
    "reviewed_by" TEXT,

    CONSTRAINT "funnel_outcomes_pkey" PRIMARY KEY ("conversation_id")
);

-- CreateIndex
CREATE INDEX "funnel_outcomes_workspace_id_first_message_at_idx" ON "funnel_outcomes"("workspace_id", "first_message_at");

-- CreateIndex
CREATE INDEX "funnel_outcomes_workspace_id_outcome_first_message_at_idx" ON "funnel_outcomes"("workspace_id", "outcome", "first_message_at");

-- AddForeignKey
ALTER TABLE "funnel_outcomes" ADD CONSTRAINT "funnel_outcomes_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The index in FUNNEL_STAGES (lib/funnel/outcomes.ts) of the last stage a
-- conversation with this outcome reached: 0 conversations, 1 proposed,
-- 2 approved, 3 synced, 4 followed_up (reachedStage there; a test holds the two
-- equal). `undo_window` and `syncing` reached the same stage, so the
-- read-time rule between them never changes it.
CREATE FUNCTION funnel_stage_reached(outcome TEXT) RETURNS SMALLINT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN outcome IN ('not_extracted', 'no_name', 'no_valid_contact', 'extraction_failed', 'opted_out') THEN 0
    WHEN outcome IN ('awaiting_review', 'rejected_spam', 'rejected_not_a_lead', 'rejected_duplicate', 'rejected_wrong_number', 'rejected_other') THEN 1
    WHEN outcome IN ('undo_window', 'syncing', 'sync_failed') THEN 2
    WHEN outcome IN ('follow_up_scheduled', 'follow_up_cancelled', 'follow_up_failed', 'no_follow_up_planned') THEN 3
    WHEN outcome = 'followed_up' THEN 4
  END::SMALLINT
$$;

-- Where each conversation stands in the funnel of the managers (lib/funnel/outcomes.ts
-- names the outcomes, docs/decisions/0005 and 0007 give the rules), for the
-- given conversations, computed from their current state: the one definition.
-- Time-dependent in one place only: a queued approved lead with a review time
-- is stored as `undo_window`, and read as `syncing` once the undo window has
-- passed (lib/funnel/outcome-sql.ts). Rejection reasons are REJECT_REASONS
-- (lib/leads/lead-status.ts). If this function reads another column, add it to
-- the conversations trigger WHEN below. The stage seconds are the same float8
-- the funnel's times were computed from when read (from the first message to
-- the stage's timestamp), kept only for a stage the outcome reached.
CREATE FUNCTION funnel_outcome_rows(conversation_ids UUID[]) RETURNS SETOF "funnel_outcomes" LANGUAGE sql STABLE AS $$
  SELECT r.conversation_id, r.workspace_id, r.first_message_at,
         CASE WHEN funnel_stage_reached(r.outcome) >= 1 THEN extract(epoch FROM r.extracted_at - r.first_message_at)::float8 END,
         CASE WHEN funnel_stage_reached(r.outcome) >= 2 THEN extract(epoch FROM r.reviewed_at - r.first_message_at)::float8 END,
         CASE WHEN funnel_stage_reached(r.outcome) >= 3 THEN extract(epoch FROM r.synced_at - r.first_message_at)::float8 END,
         CASE WHEN funnel_stage_reached(r.outcome) >= 4 THEN extract(epoch FROM r.first_follow_up_done_at - r.first_message_at)::float8 END,
         r.outcome,
         ARRAY(SELECT lc.field FROM lead_corrections lc WHERE lc.lead_proposal_id = r.proposal_id ORDER BY lc.field),
         r.proposal_id, r.extracted_at, r.reviewed_at, r.synced_at, r.first_follow_up_done_at,
         r.product_interest, r.urgency_level, r.language, r.source, r.whatsapp_phone_number_id, r.owner_id, r.reviewed_by
    FROM (
      SELECT c.id AS conversation_id, c.workspace_id, c.first_message_at,
             CASE
               WHEN p.id IS NULL OR p.status = 'pending' THEN 'not_extracted'
               WHEN p.status = 'proposed' THEN 'awaiting_review'
               WHEN p.status IN ('approved', 'merged') THEN CASE
                 WHEN p.sync_status = 'synced' THEN fu.outcome
                 WHEN p.sync_status = 'failed' THEN 'sync_failed'
                 WHEN p.sync_status = 'queued' AND p.reviewed_at IS NOT NULL THEN 'undo_window'
                 ELSE 'syncing' END
               WHEN p.status = 'rejected' AND p.qualifies THEN CASE
                 WHEN p.reject_reason IN ('spam', 'not_a_lead', 'duplicate', 'wrong_number', 'other') THEN 'rejected_' || p.reject_reason
                 ELSE 'rejected_other' END
               WHEN EXISTS (SELECT 1 FROM opt_outs oo WHERE oo.workspace_id = c.workspace_id AND oo.wa_id = c.contact_wa_id) THEN 'opted_out'
               WHEN p.status = 'failed' OR p.failure_reason IS NOT NULL THEN 'extraction_failed'
               WHEN p.name IS NULL OR btrim(p.name) = '' THEN 'no_name'
               ELSE 'no_valid_contact'
             END AS outcome,
             p.id AS proposal_id, p.extracted_at, p.reviewed_at, p.synced_at, fu.first_done_at AS first_follow_up_done_at,
             p.product_interest, p.urgency_level, lower(c.language) AS language, c.source, c.whatsapp_phone_number_id, p.owner_id, p.reviewed_by
        FROM conversations c
        LEFT JOIN lead_proposals p ON p.conversation_id = c.id
        -- A synced lead: its follow-ups: done beats scheduled beats failed (the
        -- follow-up gave up, or its newest due work failed for good) beats
        -- cancelled beats none planned.
        LEFT JOIN LATERAL (
          SELECT CASE
                   WHEN bool_or(f.status = 'done') THEN 'followed_up'
                   WHEN bool_or(f.status = 'scheduled' AND NOT coalesce(due.status = 'failed', FALSE)) THEN 'follow_up_scheduled'
                   WHEN bool_or(f.status IN ('scheduled', 'failed')) THEN 'follow_up_failed'
                   WHEN bool_or(f.status = 'cancelled') THEN 'follow_up_cancelled'
                   ELSE 'no_follow_up_planned'
                 END AS outcome,
                 min(f.done_at) FILTER (WHERE f.status = 'done') AS first_done_at
            FROM follow_ups f
            LEFT JOIN LATERAL (
              SELECT o.status FROM outbox_items o
               WHERE o.kind = 'follow_up_due' AND o.dedupe_key = f.id::text
               ORDER BY o.created_at DESC LIMIT 1) due ON TRUE
           WHERE f.conversation_id = c.id AND p.sync_status = 'synced' AND p.status IN ('approved', 'merged')
        ) fu ON TRUE
       WHERE c.id = ANY(conversation_ids)
    ) r
$$;

-- Rewrites the stored rows of these conversations. It first waits for any
-- other transaction refreshing the same rows, so that it computes from what
-- that one committed (each statement of a volatile function reads afresh).
CREATE FUNCTION funnel_outcomes_refresh(conversation_ids UUID[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM funnel_outcomes WHERE conversation_id = ANY(conversation_ids) ORDER BY conversation_id FOR UPDATE;
  INSERT INTO funnel_outcomes AS stored SELECT * FROM funnel_outcome_rows(conversation_ids)
  ON CONFLICT (conversation_id) DO UPDATE SET
    workspace_id = EXCLUDED.workspace_id, first_message_at = EXCLUDED.first_message_at,
    seconds_to_proposed = EXCLUDED.seconds_to_proposed, seconds_to_approved = EXCLUDED.seconds_to_approved,
    seconds_to_synced = EXCLUDED.seconds_to_synced, seconds_to_followed_up = EXCLUDED.seconds_to_followed_up,
    outcome = EXCLUDED.outcome, corrected_fields = EXCLUDED.corrected_fields,
    proposal_id = EXCLUDED.proposal_id, extracted_at = EXCLUDED.extracted_at, reviewed_at = EXCLUDED.reviewed_at,
    synced_at = EXCLUDED.synced_at, first_follow_up_done_at = EXCLUDED.first_follow_up_done_at,
    product_interest = EXCLUDED.product_interest, urgency_level = EXCLUDED.urgency_level, language = EXCLUDED.language,
    source = EXCLUDED.source, whatsapp_phone_number_id = EXCLUDED.whatsapp_phone_number_id,
    owner_id = EXCLUDED.owner_id, reviewed_by = EXCLUDED.reviewed_by
  WHERE ROW(stored.*) IS DISTINCT FROM ROW(EXCLUDED.*);
END $$;

-- The conversations a changed row of a table funnel_outcome_rows reads bears on
-- (now also a reviewer's correction: through its proposal).
CREATE OR REPLACE FUNCTION funnel_conversations_of(source_table TEXT, changed JSONB) RETURNS UUID[] LANGUAGE sql STABLE AS $$
  SELECT CASE source_table
    WHEN 'conversations' THEN ARRAY[(changed->>'id')::uuid]
    WHEN 'lead_proposals' THEN ARRAY[(changed->>'conversation_id')::uuid]
    WHEN 'follow_ups' THEN ARRAY[(changed->>'conversation_id')::uuid]
    -- A follow_up_due item's dedupe key is its follow-up id.
    WHEN 'outbox_items' THEN ARRAY(
      SELECT f.conversation_id FROM follow_ups f
       WHERE f.id = CASE WHEN changed->>'dedupe_key' ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' THEN (changed->>'dedupe_key')::uuid END)
    WHEN 'opt_outs' THEN ARRAY(
      SELECT c.id FROM conversations c WHERE c.workspace_id = (changed->>'workspace_id')::uuid AND c.contact_wa_id = changed->>'wa_id')
    -- A proposal deleted with its corrections is refreshed by its own trigger.
    WHEN 'lead_corrections' THEN ARRAY(
      SELECT p.conversation_id FROM lead_proposals p WHERE p.id = (changed->>'lead_proposal_id')::uuid)
  END
$$;

-- At commit, like the other tables' triggers (migration funnel_outcomes).
CREATE CONSTRAINT TRIGGER funnel_outcomes_lead_correction_insert_delete AFTER INSERT OR DELETE ON "lead_corrections"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION funnel_outcomes_track();
CREATE CONSTRAINT TRIGGER funnel_outcomes_lead_correction_update AFTER UPDATE ON "lead_corrections"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.lead_proposal_id, OLD.field) IS DISTINCT FROM (NEW.lead_proposal_id, NEW.field))
  EXECUTE FUNCTION funnel_outcomes_track();

-- Backfill: every existing conversation row.
INSERT INTO "funnel_outcomes" SELECT * FROM funnel_outcome_rows(ARRAY(SELECT id FROM "conversations"));
