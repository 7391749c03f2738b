-- AlterTable
ALTER TABLE "lead_proposals" ADD COLUMN     "failure_phrase" JSONB;
