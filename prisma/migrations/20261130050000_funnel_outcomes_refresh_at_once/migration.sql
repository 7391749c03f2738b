-- A conversation's funnel row was refreshed once per changed row at commit, each
-- refresh about 1 ms: a batch of 500 new WhatsApp conversations spent 600 ms in
-- its COMMIT while holding the inbox, so at 1,000 messages/s the queue fell
-- seconds behind (BENCHMARKS.md, ingest). Now each changed row notes the
-- conversations it bears on as it changes (one row in funnel_outcomes_stale, a
-- table only ever read by the transaction that wrote it), and at commit the
-- first of the deferred triggers refreshes every noted conversation in one
-- statement; the others find nothing noted. What is refreshed, and when, is as
-- before: the last state of the transaction, after every other lock it holds.

-- Rows live only inside the transaction that wrote them (deleted before its
-- commit), so the table is never seen by another and needs no crash safety.
CREATE UNLOGGED TABLE "funnel_outcomes_stale" (
    "id" BIGSERIAL NOT NULL,
    "conversation_id" UUID NOT NULL,

    CONSTRAINT "funnel_outcomes_stale_pkey" PRIMARY KEY ("id")
);

-- As a row changes: note its conversations, and that this transaction has some.
CREATE FUNCTION funnel_outcomes_note() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids UUID[] := '{}';
BEGIN
  IF TG_OP <> 'INSERT' THEN ids := ids || funnel_conversations_of(TG_TABLE_NAME, to_jsonb(OLD)); END IF;
  IF TG_OP <> 'DELETE' THEN ids := ids || funnel_conversations_of(TG_TABLE_NAME, to_jsonb(NEW)); END IF;
  IF cardinality(ids) > 0 THEN
    INSERT INTO funnel_outcomes_stale (conversation_id) SELECT unnest(ids);
    PERFORM set_config('leadbridge.funnel_outcomes_stale', 'yes', true);
  END IF;
  RETURN NULL;
END $$;

-- At commit (the existing deferred triggers): the first firing refreshes every
-- conversation noted so far, at once; later firings return at the flag.
CREATE OR REPLACE FUNCTION funnel_outcomes_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids UUID[];
BEGIN
  IF current_setting('leadbridge.funnel_outcomes_stale', true) IS DISTINCT FROM 'yes' THEN RETURN NULL; END IF;
  PERFORM set_config('leadbridge.funnel_outcomes_stale', 'no', true);
  WITH noted AS (DELETE FROM funnel_outcomes_stale RETURNING conversation_id)
  SELECT array_agg(DISTINCT conversation_id) INTO ids FROM noted;
  IF ids IS NOT NULL THEN PERFORM funnel_outcomes_refresh(ids); END IF;
  RETURN NULL;
END $$;

-- The same changes the deferred triggers wait for, noted when they happen.
CREATE TRIGGER funnel_outcomes_note_conversation_insert AFTER INSERT ON "conversations"
  FOR EACH ROW
  EXECUTE FUNCTION funnel_outcomes_note();
CREATE TRIGGER funnel_outcomes_note_conversation_update AFTER UPDATE ON "conversations"
  FOR EACH ROW
  WHEN ((OLD.id, OLD.workspace_id, OLD.first_message_at, OLD.contact_wa_id, OLD.language, OLD.source, OLD.whatsapp_phone_number_id)
        IS DISTINCT FROM (NEW.id, NEW.workspace_id, NEW.first_message_at, NEW.contact_wa_id, NEW.language, NEW.source, NEW.whatsapp_phone_number_id))
  EXECUTE FUNCTION funnel_outcomes_note();
CREATE TRIGGER funnel_outcomes_note_lead_proposal AFTER INSERT OR UPDATE OR DELETE ON "lead_proposals"
  FOR EACH ROW
  EXECUTE FUNCTION funnel_outcomes_note();
CREATE TRIGGER funnel_outcomes_note_follow_up AFTER INSERT OR UPDATE OR DELETE ON "follow_ups"
  FOR EACH ROW
  EXECUTE FUNCTION funnel_outcomes_note();
CREATE TRIGGER funnel_outcomes_note_opt_out AFTER INSERT OR UPDATE OR DELETE ON "opt_outs"
  FOR EACH ROW
  EXECUTE FUNCTION funnel_outcomes_note();
CREATE TRIGGER funnel_outcomes_note_due_work_insert AFTER INSERT ON "outbox_items"
  FOR EACH ROW
  WHEN (NEW.kind = 'follow_up_due')
  EXECUTE FUNCTION funnel_outcomes_note();
CREATE TRIGGER funnel_outcomes_note_due_work_update AFTER UPDATE ON "outbox_items"
  FOR EACH ROW
  WHEN ((OLD.kind = 'follow_up_due' OR NEW.kind = 'follow_up_due')
        AND (OLD.kind, OLD.dedupe_key, OLD.status, OLD.created_at) IS DISTINCT FROM (NEW.kind, NEW.dedupe_key, NEW.status, NEW.created_at))
  EXECUTE FUNCTION funnel_outcomes_note();
CREATE TRIGGER funnel_outcomes_note_due_work_delete AFTER DELETE ON "outbox_items"
  FOR EACH ROW
  WHEN (OLD.kind = 'follow_up_due')
  EXECUTE FUNCTION funnel_outcomes_note();
CREATE TRIGGER funnel_outcomes_note_lead_correction_insert_delete AFTER INSERT OR DELETE ON "lead_corrections"
  FOR EACH ROW
  EXECUTE FUNCTION funnel_outcomes_note();
CREATE TRIGGER funnel_outcomes_note_lead_correction_update AFTER UPDATE ON "lead_corrections"
  FOR EACH ROW
  WHEN ((OLD.lead_proposal_id, OLD.field) IS DISTINCT FROM (NEW.lead_proposal_id, NEW.field))
  EXECUTE FUNCTION funnel_outcomes_note();
