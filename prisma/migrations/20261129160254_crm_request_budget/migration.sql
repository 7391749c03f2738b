-- CreateTable
CREATE TABLE "crm_request_windows" (
    "budget_key" TEXT NOT NULL,
    "sent_at" TIMESTAMPTZ(3)[] DEFAULT ARRAY[]::TIMESTAMPTZ(3)[],

    CONSTRAINT "crm_request_windows_pkey" PRIMARY KEY ("budget_key")
);
