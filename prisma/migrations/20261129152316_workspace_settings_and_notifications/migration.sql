-- AlterTable
ALTER TABLE "memberships" ADD COLUMN     "notifications_seen_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "timezone" TEXT;

-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "business_closes_minute" INTEGER NOT NULL DEFAULT 1080,
ADD COLUMN     "business_days" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
ADD COLUMN     "business_opens_minute" INTEGER NOT NULL DEFAULT 540,
ADD COLUMN     "extraction_quiet_seconds" INTEGER NOT NULL DEFAULT 120,
ADD COLUMN     "hot_lead_wait_minutes" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN     "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "notification_webhook_url" TEXT;

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notifications_workspace_id_created_at_idx" ON "notifications"("workspace_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "notifications_workspace_id_dedupe_key_key" ON "notifications"("workspace_id", "dedupe_key");

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
