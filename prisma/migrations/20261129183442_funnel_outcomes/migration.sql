-- CreateTable
CREATE TABLE "funnel_outcomes" (
    "conversation_id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "first_message_at" TIMESTAMPTZ(3) NOT NULL,
    "outcome" TEXT NOT NULL,
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

-- Where each conversation stands in the funnel of the managers (lib/funnel/outcomes.ts
-- names the outcomes, docs/decisions/0005 and 0007 give the rules), for the
-- given conversations, computed from their current state: the one definition.
-- Time-dependent in one place only: a queued approved lead with a review time
-- is stored as `undo_window`, and read as `syncing` once the undo window has
-- passed (lib/funnel/outcome-sql.ts). Rejection reasons are REJECT_REASONS
-- (lib/leads/lead-status.ts). If this function reads another column, add it to
-- the conversations trigger WHEN below.
CREATE FUNCTION funnel_outcome_rows(conversation_ids UUID[]) RETURNS SETOF "funnel_outcomes" LANGUAGE sql STABLE AS $$
  SELECT c.id, c.workspace_id, c.first_message_at,
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
         END,
         p.id, p.extracted_at, p.reviewed_at, p.synced_at, fu.first_done_at,
         p.product_interest, p.urgency_level, lower(c.language), c.source, c.whatsapp_phone_number_id, p.owner_id, p.reviewed_by
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
$$;

-- Rewrites the stored rows of these conversations. It first waits for any
-- other transaction refreshing the same rows, so that it computes from what
-- that one committed (each statement of a volatile function reads afresh).
CREATE FUNCTION funnel_outcomes_refresh(conversation_ids UUID[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM funnel_outcomes WHERE conversation_id = ANY(conversation_ids) ORDER BY conversation_id FOR UPDATE;
  INSERT INTO funnel_outcomes AS stored SELECT * FROM funnel_outcome_rows(conversation_ids)
  ON CONFLICT (conversation_id) DO UPDATE SET
    workspace_id = EXCLUDED.workspace_id, first_message_at = EXCLUDED.first_message_at, outcome = EXCLUDED.outcome,
    proposal_id = EXCLUDED.proposal_id, extracted_at = EXCLUDED.extracted_at, reviewed_at = EXCLUDED.reviewed_at,
    synced_at = EXCLUDED.synced_at, first_follow_up_done_at = EXCLUDED.first_follow_up_done_at,
    product_interest = EXCLUDED.product_interest, urgency_level = EXCLUDED.urgency_level, language = EXCLUDED.language,
    source = EXCLUDED.source, whatsapp_phone_number_id = EXCLUDED.whatsapp_phone_number_id,
    owner_id = EXCLUDED.owner_id, reviewed_by = EXCLUDED.reviewed_by
  WHERE ROW(stored.*) IS DISTINCT FROM ROW(EXCLUDED.*);
END $$;

-- The conversations a changed row of a table funnel_outcome_rows reads bears on.
CREATE FUNCTION funnel_conversations_of(source_table TEXT, changed JSONB) RETURNS UUID[] LANGUAGE sql STABLE AS $$
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
  END
$$;

CREATE FUNCTION funnel_outcomes_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids UUID[] := '{}';
BEGIN
  IF TG_OP <> 'INSERT' THEN ids := ids || funnel_conversations_of(TG_TABLE_NAME, to_jsonb(OLD)); END IF;
  IF TG_OP <> 'DELETE' THEN ids := ids || funnel_conversations_of(TG_TABLE_NAME, to_jsonb(NEW)); END IF;
  PERFORM funnel_outcomes_refresh(ids);
  RETURN NULL;
END $$;

-- At commit (deferred), once per changed row: the last state of the transaction,
-- and locks on funnel_outcomes taken only after every other lock it holds.
-- A conversation deletion removes its row by the foreign key cascade.
CREATE CONSTRAINT TRIGGER funnel_outcomes_conversation_insert AFTER INSERT ON "conversations"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION funnel_outcomes_track();
CREATE CONSTRAINT TRIGGER funnel_outcomes_conversation_update AFTER UPDATE ON "conversations"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.id, OLD.workspace_id, OLD.first_message_at, OLD.contact_wa_id, OLD.language, OLD.source, OLD.whatsapp_phone_number_id)
        IS DISTINCT FROM (NEW.id, NEW.workspace_id, NEW.first_message_at, NEW.contact_wa_id, NEW.language, NEW.source, NEW.whatsapp_phone_number_id))
  EXECUTE FUNCTION funnel_outcomes_track();
CREATE CONSTRAINT TRIGGER funnel_outcomes_lead_proposal AFTER INSERT OR UPDATE OR DELETE ON "lead_proposals"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION funnel_outcomes_track();
CREATE CONSTRAINT TRIGGER funnel_outcomes_follow_up AFTER INSERT OR UPDATE OR DELETE ON "follow_ups"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION funnel_outcomes_track();
CREATE CONSTRAINT TRIGGER funnel_outcomes_opt_out AFTER INSERT OR UPDATE OR DELETE ON "opt_outs"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION funnel_outcomes_track();
CREATE CONSTRAINT TRIGGER funnel_outcomes_due_work_insert AFTER INSERT ON "outbox_items"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.kind = 'follow_up_due') EXECUTE FUNCTION funnel_outcomes_track();
CREATE CONSTRAINT TRIGGER funnel_outcomes_due_work_update AFTER UPDATE ON "outbox_items"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.kind = 'follow_up_due' OR NEW.kind = 'follow_up_due')
        AND (OLD.kind, OLD.dedupe_key, OLD.status, OLD.created_at) IS DISTINCT FROM (NEW.kind, NEW.dedupe_key, NEW.status, NEW.created_at))
  EXECUTE FUNCTION funnel_outcomes_track();
CREATE CONSTRAINT TRIGGER funnel_outcomes_due_work_delete AFTER DELETE ON "outbox_items"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.kind = 'follow_up_due') EXECUTE FUNCTION funnel_outcomes_track();

-- Backfill: every existing conversation row.
INSERT INTO "funnel_outcomes" SELECT * FROM funnel_outcome_rows(ARRAY(SELECT id FROM "conversations"));
