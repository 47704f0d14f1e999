-- The agent queue's search tests the internal notes of the requests it walks, in the queue's order:
-- a phrase's walk request by request, and any other word's internal-note half, which the planner reads
-- by looking up each walked request's notes (docs/PERFORMANCE.md, "A phrase's internal notes, walked with
-- its documents"). Through the index of every comment by request, each lookup fetched and discarded the
-- request's public replies too; this index holds the internal notes alone.
CREATE INDEX "Comment_internal_requestId_idx" ON "Comment" ("requestId") WHERE visibility = 'internal';
