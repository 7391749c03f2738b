-- AlterTable
ALTER TABLE "follow_ups" ADD COLUMN     "failure_reason" TEXT;
