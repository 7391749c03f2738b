-- DropIndex
DROP INDEX "crm_links_conversation_id_crm_system_key";

-- AlterTable
ALTER TABLE "crm_leads" ADD COLUMN     "note" TEXT;

-- AlterTable
ALTER TABLE "crm_links" ADD COLUMN     "crm_account" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE UNIQUE INDEX "crm_links_conversation_id_crm_system_crm_account_key" ON "crm_links"("conversation_id", "crm_system", "crm_account");

-- Internal CRM links belong to their workspace's own tables (CrmAdapter.accountKey
-- "internal:<workspace id>"). HubSpot links made with the retired deployment-wide
-- token keep "": their account cannot be told any more.
UPDATE "crm_links" SET "crm_account" = 'internal:' || "conversations"."workspace_id"
  FROM "conversations"
 WHERE "crm_links"."conversation_id" = "conversations"."id" AND "crm_links"."crm_system" = 'internal';
