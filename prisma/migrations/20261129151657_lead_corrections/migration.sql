-- CreateTable
CREATE TABLE "lead_corrections" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "lead_proposal_id" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "extracted_value" TEXT,
    "approved_value" TEXT,
    "evidence" JSONB,
    "extractor" TEXT,
    "corrected_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lead_corrections_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "lead_corrections_workspace_id_field_created_at_idx" ON "lead_corrections"("workspace_id", "field", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "lead_corrections_lead_proposal_id_field_key" ON "lead_corrections"("lead_proposal_id", "field");

-- AddForeignKey
ALTER TABLE "lead_corrections" ADD CONSTRAINT "lead_corrections_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_corrections" ADD CONSTRAINT "lead_corrections_lead_proposal_id_fkey" FOREIGN KEY ("lead_proposal_id") REFERENCES "lead_proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;
