-- AlterTable
ALTER TABLE "conversations" ADD COLUMN     "whatsapp_phone_number_id" TEXT;

-- AlterTable
ALTER TABLE "lead_proposals" ADD COLUMN     "synced_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "conversations_workspace_id_first_message_at_idx" ON "conversations"("workspace_id", "first_message_at");

-- Backfill: leads synced before synced_at existed reached the CRM when their
-- conversation was first linked there.
UPDATE "lead_proposals" p
   SET "synced_at" = l.linked_at
  FROM (SELECT "conversation_id", min("linked_at") AS linked_at FROM "crm_links" GROUP BY "conversation_id") l
 WHERE p."conversation_id" = l."conversation_id" AND p."sync_status" = 'synced' AND p."synced_at" IS NULL;

-- Backfill: a webhook conversation of a workspace with a single WhatsApp number came in on it.
UPDATE "conversations" c
   SET "whatsapp_phone_number_id" = n.phone_number_id
  FROM (SELECT "workspace_id", min("phone_number_id") AS phone_number_id FROM "whatsapp_numbers" GROUP BY "workspace_id" HAVING count(*) = 1) n
 WHERE c."workspace_id" = n."workspace_id" AND c."source" = 'webhook' AND c."whatsapp_phone_number_id" IS NULL;
