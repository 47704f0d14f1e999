-- CreateIndex
CREATE INDEX "Request_organizationId_status_lastActivityAt_id_idx" ON "Request"("organizationId", "status", "lastActivityAt" DESC, "id" DESC);
