-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "workspaces" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "default_country" CHAR(2) NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "products" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "conversation_idle_hours" INTEGER NOT NULL DEFAULT 24,
    "crm_provider" TEXT NOT NULL DEFAULT 'internal',
    "intent_bands" JSONB NOT NULL DEFAULT '{"high":0.7,"medium":0.4}',
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "workspaces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "whatsapp_numbers" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "phone_number_id" TEXT NOT NULL,
    "display_phone_number" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "whatsapp_numbers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "parked_webhooks" (
    "id" UUID NOT NULL,
    "phone_number_id" TEXT,
    "payload" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "routed_at" TIMESTAMPTZ(3),
    "routed_workspace_id" UUID,

    CONSTRAINT "parked_webhooks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversations" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "external_id" TEXT,
    "channel" TEXT NOT NULL DEFAULT 'whatsapp',
    "source" TEXT NOT NULL,
    "contact_wa_id" TEXT NOT NULL,
    "contact_profile_name" TEXT,
    "language" TEXT,
    "first_message_at" TIMESTAMPTZ(3) NOT NULL,
    "last_message_at" TIMESTAMPTZ(3) NOT NULL,
    "last_user_message_at" TIMESTAMPTZ(3),
    "message_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conversations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messages" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "provider_message_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "type" TEXT NOT NULL DEFAULT 'text',
    "body" TEXT NOT NULL,
    "raw" JSONB,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivery_status" TEXT,

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "opt_outs" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "wa_id" TEXT NOT NULL,
    "message_id" UUID,
    "opted_out_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "opt_outs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lead_proposals" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "name" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "company" TEXT,
    "product_interest" TEXT,
    "urgency_level" TEXT,
    "email_normalized" TEXT,
    "phone_e164" TEXT,
    "evidence" JSONB NOT NULL DEFAULT '{}',
    "confidence" JSONB NOT NULL DEFAULT '{}',
    "validation" JSONB NOT NULL DEFAULT '{}',
    "qualifies" BOOLEAN NOT NULL DEFAULT false,
    "insufficient_reason" TEXT,
    "failure_reason" TEXT,
    "extractor" TEXT,
    "extracted_at" TIMESTAMPTZ(3),
    "contact_id" UUID,
    "reviewed_by" TEXT,
    "reviewed_at" TIMESTAMPTZ(3),
    "reject_reason" TEXT,
    "reject_note" TEXT,
    "sync_status" TEXT NOT NULL DEFAULT 'none',
    "sync_error" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lead_proposals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contacts" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "email_normalized" TEXT,
    "phone_e164" TEXT,
    "company" TEXT,
    "product_interest" TEXT,
    "urgency_level" TEXT,
    "lead_score" TEXT,
    "primary_objection" TEXT,
    "recommended_approach" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "contacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm_leads" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "contact_id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "crm_leads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm_tasks" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "contact_id" UUID,
    "follow_up_id" UUID,
    "subject" TEXT NOT NULL,
    "body" TEXT,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "priority" TEXT NOT NULL DEFAULT 'MEDIUM',
    "type" TEXT NOT NULL DEFAULT 'TODO',
    "status" TEXT NOT NULL DEFAULT 'NOT_STARTED',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "crm_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm_links" (
    "id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "crm_contact_id" TEXT NOT NULL,
    "crm_lead_id" TEXT,
    "crm_system" TEXT NOT NULL DEFAULT 'internal',
    "linked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "crm_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "behavioral_scores" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "intent_score" DOUBLE PRECISION NOT NULL,
    "objection_type" TEXT NOT NULL,
    "follow_up_tone" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "behavioral_scores_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "follow_ups" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "contact_id" UUID,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "timezone" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "tone" TEXT,
    "signal" TEXT,
    "status" TEXT NOT NULL DEFAULT 'proposed',
    "cancel_reason" TEXT,
    "crm_task_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "follow_ups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_items" (
    "id" UUID NOT NULL,
    "workspace_id" UUID,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "dedupe_key" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "available_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimed_by" TEXT,
    "claimed_until" TIMESTAMPTZ(3),
    "dispatched_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "completed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "actor_label" TEXT,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "workspaces_slug_key" ON "workspaces"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "whatsapp_numbers_phone_number_id_key" ON "whatsapp_numbers"("phone_number_id");

-- CreateIndex
CREATE INDEX "whatsapp_numbers_workspace_id_idx" ON "whatsapp_numbers"("workspace_id");

-- CreateIndex
CREATE INDEX "parked_webhooks_routed_at_received_at_idx" ON "parked_webhooks"("routed_at", "received_at");

-- CreateIndex
CREATE INDEX "conversations_workspace_id_last_message_at_id_idx" ON "conversations"("workspace_id", "last_message_at" DESC, "id");

-- CreateIndex
CREATE INDEX "conversations_workspace_id_contact_wa_id_last_message_at_idx" ON "conversations"("workspace_id", "contact_wa_id", "last_message_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "conversations_workspace_id_external_id_key" ON "conversations"("workspace_id", "external_id");

-- CreateIndex
CREATE INDEX "messages_conversation_id_sent_at_idx" ON "messages"("conversation_id", "sent_at");

-- CreateIndex
CREATE UNIQUE INDEX "messages_workspace_id_provider_message_id_key" ON "messages"("workspace_id", "provider_message_id");

-- CreateIndex
CREATE UNIQUE INDEX "opt_outs_workspace_id_wa_id_key" ON "opt_outs"("workspace_id", "wa_id");

-- CreateIndex
CREATE UNIQUE INDEX "lead_proposals_conversation_id_key" ON "lead_proposals"("conversation_id");

-- CreateIndex
CREATE INDEX "lead_proposals_workspace_id_status_created_at_id_idx" ON "lead_proposals"("workspace_id", "status", "created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "lead_proposals_workspace_id_phone_e164_idx" ON "lead_proposals"("workspace_id", "phone_e164");

-- CreateIndex
CREATE INDEX "lead_proposals_workspace_id_email_normalized_idx" ON "lead_proposals"("workspace_id", "email_normalized");

-- CreateIndex
CREATE INDEX "contacts_workspace_id_name_idx" ON "contacts"("workspace_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "contacts_workspace_id_email_normalized_key" ON "contacts"("workspace_id", "email_normalized");

-- CreateIndex
CREATE UNIQUE INDEX "contacts_workspace_id_phone_e164_key" ON "contacts"("workspace_id", "phone_e164");

-- CreateIndex
CREATE UNIQUE INDEX "crm_leads_conversation_id_key" ON "crm_leads"("conversation_id");

-- CreateIndex
CREATE INDEX "crm_leads_workspace_id_created_at_idx" ON "crm_leads"("workspace_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "crm_tasks_follow_up_id_key" ON "crm_tasks"("follow_up_id");

-- CreateIndex
CREATE INDEX "crm_tasks_workspace_id_due_at_idx" ON "crm_tasks"("workspace_id", "due_at");

-- CreateIndex
CREATE UNIQUE INDEX "crm_links_conversation_id_crm_system_key" ON "crm_links"("conversation_id", "crm_system");

-- CreateIndex
CREATE INDEX "behavioral_scores_workspace_id_received_at_idx" ON "behavioral_scores"("workspace_id", "received_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "behavioral_scores_conversation_id_source_version_key" ON "behavioral_scores"("conversation_id", "source", "version");

-- CreateIndex
CREATE INDEX "follow_ups_workspace_id_status_due_at_idx" ON "follow_ups"("workspace_id", "status", "due_at");

-- CreateIndex
CREATE INDEX "follow_ups_conversation_id_idx" ON "follow_ups"("conversation_id");

-- CreateIndex
CREATE INDEX "outbox_items_status_available_at_idx" ON "outbox_items"("status", "available_at");

-- CreateIndex
CREATE INDEX "outbox_items_kind_dedupe_key_status_idx" ON "outbox_items"("kind", "dedupe_key", "status");

-- CreateIndex
CREATE INDEX "audit_events_workspace_id_target_type_target_id_created_at_idx" ON "audit_events"("workspace_id", "target_type", "target_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_workspace_id_created_at_idx" ON "audit_events"("workspace_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "whatsapp_numbers" ADD CONSTRAINT "whatsapp_numbers_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opt_outs" ADD CONSTRAINT "opt_outs_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_proposals" ADD CONSTRAINT "lead_proposals_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_proposals" ADD CONSTRAINT "lead_proposals_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_proposals" ADD CONSTRAINT "lead_proposals_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm_leads" ADD CONSTRAINT "crm_leads_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm_leads" ADD CONSTRAINT "crm_leads_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm_leads" ADD CONSTRAINT "crm_leads_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm_tasks" ADD CONSTRAINT "crm_tasks_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm_tasks" ADD CONSTRAINT "crm_tasks_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm_links" ADD CONSTRAINT "crm_links_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "behavioral_scores" ADD CONSTRAINT "behavioral_scores_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "behavioral_scores" ADD CONSTRAINT "behavioral_scores_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_items" ADD CONSTRAINT "outbox_items_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
