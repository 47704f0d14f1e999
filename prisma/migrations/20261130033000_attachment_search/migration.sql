-- Attached files are found by their names like the rest of a request: the names of the files of the
-- description and of public replies join the thread's part of the search document (C). An internal
-- note's files stay out of it, as the note does; staged files (no request yet) are in no document.

-- A file name as words: whole ("breakdown.csv"), and split at its dots, dashes and underscores, which
-- the parser would otherwise keep inside one token.
CREATE OR REPLACE FUNCTION portico_file_name_vector(file_name text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT portico_search_vector(file_name || ' ' || regexp_replace(file_name, '[._\-]+', ' ', 'g'))
$$;

CREATE OR REPLACE FUNCTION portico_thread_vector(request_id integer) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(
    coalesce((SELECT portico_tsvector_agg("searchVector" ORDER BY "createdAt", id) FROM "Comment"
              WHERE "requestId" = request_id AND visibility = 'public'), ''::tsvector)
    || coalesce((SELECT portico_tsvector_agg(m."searchVector" ORDER BY m."sentAt", m.id)
                 FROM "ChatMessage" m JOIN "ChatSession" s ON s.id = m."sessionId" WHERE s."requestId" = request_id), ''::tsvector)
    || coalesce((SELECT portico_tsvector_agg(portico_file_name_vector(a."fileName") ORDER BY a."createdAt", a.id)
                 FROM "Attachment" a LEFT JOIN "Comment" c ON c.id = a."commentId"
                 WHERE a."requestId" = request_id AND a."attachedAt" IS NOT NULL
                   AND (a."commentId" IS NULL OR c.visibility = 'public')), ''::tsvector),
    'C')
$$;

-- A file attached, moved, renamed or removed: rebuild its request's document (as for a reply).
CREATE OR REPLACE FUNCTION portico_refresh_request_document() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids integer[];
BEGIN
  IF TG_TABLE_NAME IN ('Comment', 'Attachment') THEN
    ids := ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD."requestId" END, CASE WHEN TG_OP <> 'DELETE' THEN NEW."requestId" END];
  ELSE
    SELECT array_agg(s."requestId") INTO ids FROM "ChatSession" s
    WHERE s.id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD."sessionId" END, CASE WHEN TG_OP <> 'DELETE' THEN NEW."sessionId" END);
  END IF;
  UPDATE "Request" SET "documentVector" = "searchVector" || portico_thread_vector(id) WHERE id = ANY (ids);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Attachment_requestDocument" AFTER INSERT OR DELETE OR UPDATE OF "requestId", "commentId", "fileName", "attachedAt" ON "Attachment"
  FOR EACH ROW EXECUTE FUNCTION portico_refresh_request_document();

-- The requests that have files already.
UPDATE "Request" SET "documentVector" = "searchVector" || portico_thread_vector(id)
WHERE id IN (SELECT "requestId" FROM "Attachment" WHERE "requestId" IS NOT NULL);
