-- AlterTable
ALTER TABLE "conversations" ADD COLUMN     "proposal_status" TEXT NOT NULL DEFAULT 'not_extracted',
ADD COLUMN     "urgency_rank" SMALLINT NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "conversations_workspace_id_proposal_status_last_message_at__idx" ON "conversations"("workspace_id", "proposal_status", "last_message_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "conversations_workspace_id_urgency_rank_last_message_at_id_idx" ON "conversations"("workspace_id", "urgency_rank" DESC, "last_message_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "conversations_workspace_id_proposal_status_urgency_rank_las_idx" ON "conversations"("workspace_id", "proposal_status", "urgency_rank" DESC, "last_message_at" DESC, "id" DESC);

-- The conversation follows its proposal: status (not_extracted without one)
-- and urgency rank (high 3, medium 2, low 1, none 0), kept by this trigger on
-- every insert, update and delete of a proposal.
CREATE FUNCTION "conversation_follows_proposal"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') AND (TG_OP = 'DELETE' OR OLD."conversation_id" <> NEW."conversation_id") THEN
    UPDATE "conversations" SET "proposal_status" = 'not_extracted', "urgency_rank" = 0 WHERE "id" = OLD."conversation_id";
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  UPDATE "conversations" c
     SET "proposal_status" = NEW."status",
         "urgency_rank" = CASE NEW."urgency_level" WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END
   WHERE c."id" = NEW."conversation_id"
     AND (c."proposal_status", c."urgency_rank") IS DISTINCT FROM
         (NEW."status", CASE NEW."urgency_level" WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END::smallint);
  RETURN NEW;
END
$$;

CREATE TRIGGER "lead_proposals_to_conversation"
  AFTER INSERT OR DELETE OR UPDATE OF "status", "urgency_level", "conversation_id" ON "lead_proposals"
  FOR EACH ROW EXECUTE FUNCTION "conversation_follows_proposal"();

-- Existing proposals.
UPDATE "conversations" c
   SET "proposal_status" = p."status",
       "urgency_rank" = CASE p."urgency_level" WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END
  FROM "lead_proposals" p
 WHERE p."conversation_id" = c."id";
