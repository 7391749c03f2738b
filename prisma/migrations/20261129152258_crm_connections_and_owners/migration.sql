-- AlterTable
ALTER TABLE "contacts" ADD COLUMN     "owner_id" UUID;

-- AlterTable
ALTER TABLE "crm_leads" ADD COLUMN     "owner_id" UUID;

-- AlterTable
ALTER TABLE "crm_tasks" ADD COLUMN     "owner_id" UUID;

-- AlterTable
ALTER TABLE "workspaces" DROP COLUMN "crm_provider",
ADD COLUMN     "owner_rotation" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "owner_rules" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "crm_connections" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "access_token_sealed" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "account_name" TEXT,
    "account_time_zone" TEXT,
    "ui_domain" TEXT,
    "requests_per_10s" INTEGER NOT NULL,
    "daily_limit" INTEGER,
    "deal_pipeline_id" TEXT,
    "deal_stage_id" TEXT,
    "score_properties" JSONB NOT NULL DEFAULT '{}',
    "overwrite_fields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "connected_by" TEXT,
    "connected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tested_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "crm_connections_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "crm_connections_workspace_id_key" ON "crm_connections"("workspace_id");

-- CreateIndex
CREATE INDEX "crm_connections_provider_account_id_idx" ON "crm_connections"("provider", "account_id");

-- AddForeignKey
ALTER TABLE "crm_connections" ADD CONSTRAINT "crm_connections_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm_leads" ADD CONSTRAINT "crm_leads_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm_tasks" ADD CONSTRAINT "crm_tasks_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
