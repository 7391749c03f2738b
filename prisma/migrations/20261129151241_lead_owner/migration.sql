-- AlterTable
ALTER TABLE "lead_proposals" ADD COLUMN     "owner_id" UUID;

-- CreateIndex
CREATE INDEX "lead_proposals_workspace_id_owner_id_status_idx" ON "lead_proposals"("workspace_id", "owner_id", "status");

-- AddForeignKey
ALTER TABLE "lead_proposals" ADD CONSTRAINT "lead_proposals_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
