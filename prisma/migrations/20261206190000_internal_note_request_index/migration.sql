-- The agent queue's search for a phrase (a Korean word) tests each walked request's internal notes
-- (docs/PERFORMANCE.md, "A phrase's internal notes, walked with its documents"). Through the index of
-- every comment by request, each test fetched and discarded the request's public replies too; this
-- index holds the internal notes alone.
CREATE INDEX "Comment_internal_requestId_idx" ON "Comment" ("requestId") WHERE visibility = 'internal';
