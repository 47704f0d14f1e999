-- One search document per request: everything a customer may search — subject (A), description (B),
-- public replies and chat messages (C), never internal notes — so that a search is one GIN lookup
-- combined with the scope's own index, instead of a lookup over every organization's replies.
-- Measured in docs/PERFORMANCE.md.

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "documentVector" tsvector;

CREATE AGGREGATE portico_tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector);

-- The searchable part of a request's thread: public replies and chat messages.
CREATE OR REPLACE FUNCTION portico_thread_vector(request_id integer) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(
    coalesce((SELECT portico_tsvector_agg("searchVector" ORDER BY "createdAt", id) FROM "Comment"
              WHERE "requestId" = request_id AND visibility = 'public'), ''::tsvector)
    || coalesce((SELECT portico_tsvector_agg(m."searchVector" ORDER BY m."sentAt", m.id)
                 FROM "ChatMessage" m JOIN "ChatSession" s ON s.id = m."sessionId" WHERE s."requestId" = request_id), ''::tsvector),
    'C')
$$;

CREATE OR REPLACE FUNCTION portico_request_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := setweight(portico_search_vector(NEW.subject), 'A') || setweight(portico_search_vector(NEW.description), 'B');
  NEW."documentVector" := NEW."searchVector" || portico_thread_vector(NEW.id);
  RETURN NEW;
END
$$;

-- A reply or chat message added, changed, made internal or removed: rebuild its request's document.
CREATE OR REPLACE FUNCTION portico_refresh_request_document() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids integer[];
BEGIN
  IF TG_TABLE_NAME = 'Comment' THEN
    ids := ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD."requestId" END, CASE WHEN TG_OP <> 'DELETE' THEN NEW."requestId" END];
  ELSE
    SELECT array_agg(s."requestId") INTO ids FROM "ChatSession" s
    WHERE s.id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD."sessionId" END, CASE WHEN TG_OP <> 'DELETE' THEN NEW."sessionId" END);
  END IF;
  UPDATE "Request" SET "documentVector" = "searchVector" || portico_thread_vector(id) WHERE id = ANY (ids);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Comment_requestDocument" AFTER INSERT OR DELETE OR UPDATE OF body, visibility, "requestId" ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION portico_refresh_request_document();
CREATE TRIGGER "ChatMessage_requestDocument" AFTER INSERT OR DELETE OR UPDATE OF body, "sessionId" ON "ChatMessage"
  FOR EACH ROW EXECUTE FUNCTION portico_refresh_request_document();

-- Index what is already there, then build the index once.
UPDATE "Request" SET "documentVector" = "searchVector" || portico_thread_vector(id);

-- CreateIndex
CREATE INDEX "Request_documentVector_idx" ON "Request" USING GIN ("documentVector");
