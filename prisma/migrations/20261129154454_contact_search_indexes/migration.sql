-- CreateIndex
CREATE INDEX "contacts_workspace_id_updated_at_id_idx" ON "contacts"("workspace_id", "updated_at" DESC, "id");

-- CreateIndex
CREATE INDEX "contacts_name_trgm_idx" ON "contacts" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "contacts_company_trgm_idx" ON "contacts" USING GIN ("company" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "contacts_email_normalized_trgm_idx" ON "contacts" USING GIN ("email_normalized" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "contacts_phone_e164_trgm_idx" ON "contacts" USING GIN ("phone_e164" gin_trgm_ops);
