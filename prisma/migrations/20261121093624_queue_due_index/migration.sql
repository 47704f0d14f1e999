-- The agent queue reads each status's requests as a keyset range in the order of its sort (due
-- time, last activity, creation; then id) and merges the ranges, so that any page, at any depth,
-- reads about a page of index entries. The status and due time index gains the id for the keyset.
-- Measured in docs/PERFORMANCE.md ("Agent queue").

-- DropIndex
DROP INDEX "Request_status_responseDueAt_idx";

-- CreateIndex
CREATE INDEX "Request_status_responseDueAt_id_idx" ON "Request"("status", "responseDueAt", "id");

-- CreateIndex
CREATE INDEX "Request_status_lastActivityAt_id_idx" ON "Request"("status", "lastActivityAt", "id");

-- CreateIndex
CREATE INDEX "Request_status_createdAt_id_idx" ON "Request"("status", "createdAt", "id");
