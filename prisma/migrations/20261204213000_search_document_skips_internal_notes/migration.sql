-- An internal note is in no search document, so writing, editing or removing one no longer rewrites
-- its request's row; nor does a change that leaves a document as it was (a reply's timestamp, say).
-- Each rewrite of a request row is a new row version and index entries, for nothing.

CREATE OR REPLACE FUNCTION portico_refresh_request_document() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids integer[];
BEGIN
  -- Each branch reads only the row it has (a chat line has no visibility, an insert no old row).
  IF TG_TABLE_NAME = 'Comment' THEN
    IF TG_OP = 'INSERT' THEN
      IF NEW.visibility = 'internal' THEN RETURN NULL; END IF;
    ELSIF TG_OP = 'DELETE' THEN
      IF OLD.visibility = 'internal' THEN RETURN NULL; END IF;
    ELSIF OLD.visibility = 'internal' AND NEW.visibility = 'internal' THEN
      RETURN NULL;
    END IF;
  END IF;
  IF TG_TABLE_NAME IN ('Comment', 'Attachment') THEN
    ids := ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD."requestId" END, CASE WHEN TG_OP <> 'DELETE' THEN NEW."requestId" END];
  ELSE
    SELECT array_agg(s."requestId") INTO ids FROM "ChatSession" s
    WHERE s.id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD."sessionId" END, CASE WHEN TG_OP <> 'DELETE' THEN NEW."sessionId" END);
  END IF;
  UPDATE "Request" r SET "documentVector" = d.vector
  FROM (SELECT id, "searchVector" || portico_thread_vector(id) AS vector FROM "Request" WHERE id = ANY (ids)) d
  WHERE r.id = d.id AND r."documentVector" IS DISTINCT FROM d.vector;
  RETURN NULL;
END
$$;
