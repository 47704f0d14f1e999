-- The agent queue's search looks for a word in internal notes too (docs/PERFORMANCE.md, "Searching
-- the queue"). Through the index of every comment, a word common in public replies made each of those
-- reads fetch and discard the public matches; this index holds the internal notes alone.
CREATE INDEX "Comment_internal_searchVector_idx" ON "Comment" USING GIN ("searchVector") WHERE visibility = 'internal';
