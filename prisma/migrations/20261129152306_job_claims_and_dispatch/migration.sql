-- AlterTable
ALTER TABLE "outbox_items" ADD COLUMN     "dispatch_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "max_attempts" INTEGER NOT NULL DEFAULT 8;

-- CreateIndex
CREATE INDEX "outbox_items_claimed_by_idx" ON "outbox_items"("claimed_by");
