-- The planner estimates how many requests a word is in from the search documents' most common
-- lexemes; a word missing from that list is taken to be in half as many as the least common one
-- there. With the default sample that was 0.37 % of the requests (3,700 in a million) for a word
-- in forty, so the queue walked the Solved requests' index for it, testing ~900,000 documents,
-- instead of reading the search index. A sample ten times larger keeps rarer lexemes in the list
-- and lowers that floor (docs/PERFORMANCE.md "Rare words and the planner's statistics").
ALTER TABLE "Request" ALTER COLUMN "documentVector" SET STATISTICS 1000;
