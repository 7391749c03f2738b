-- Trigram indexes for the queue's case-insensitive "contains" search (added by hand:
-- the schema does not declare extensions).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "conversations_contact_profile_name_trgm_idx" ON "conversations" USING GIN ("contact_profile_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "conversations_contact_wa_id_trgm_idx" ON "conversations" USING GIN ("contact_wa_id" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "lead_proposals_validation_idx" ON "lead_proposals" USING GIN ("validation" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "lead_proposals_name_trgm_idx" ON "lead_proposals" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "lead_proposals_email_normalized_trgm_idx" ON "lead_proposals" USING GIN ("email_normalized" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "lead_proposals_phone_e164_trgm_idx" ON "lead_proposals" USING GIN ("phone_e164" gin_trgm_ops);
