-- CreateIndex
CREATE INDEX "messages_received_at_idx" ON "messages"("received_at");
