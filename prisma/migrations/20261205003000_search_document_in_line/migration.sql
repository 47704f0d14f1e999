-- A search tests each request's search document while it walks a list in order (list-requests.ts):
-- stored in line (compressed) it is read with the row, where out of line every test was another
-- index lookup in the TOAST table, ten times the cost. The description, stored EXTENDED, moves out
-- of line first when a row is too long. Rows written before keep their document where it is until
-- it changes.
ALTER TABLE "Request" ALTER COLUMN "documentVector" SET STORAGE MAIN;
