-- AlterTable
ALTER TABLE "workspaces" ALTER COLUMN "crm_provider" DROP NOT NULL,
ALTER COLUMN "crm_provider" DROP DEFAULT;
