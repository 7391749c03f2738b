-- AlterTable
ALTER TABLE "follow_ups" ADD COLUMN     "cancelled_at" TIMESTAMPTZ(3),
ADD COLUMN     "done_at" TIMESTAMPTZ(3),
ADD COLUMN     "rule" TEXT,
ADD COLUMN     "scheduled_at" TIMESTAMPTZ(3),
ADD COLUMN     "signal_message_id" UUID,
ADD COLUMN     "task_body" TEXT,
ADD COLUMN     "task_priority" TEXT,
ADD COLUMN     "task_subject" TEXT,
ADD COLUMN     "task_type" TEXT,
ADD COLUMN     "template_required" BOOLEAN NOT NULL DEFAULT false;
