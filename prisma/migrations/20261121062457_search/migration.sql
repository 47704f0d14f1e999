-- AlterTable
ALTER TABLE "ChatMessage" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "ChatMessage_searchVector_idx" ON "ChatMessage" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Comment_searchVector_idx" ON "Comment" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Request_searchVector_idx" ON "Request" USING GIN ("searchVector");

-- Full-text search (PostgreSQL only, no search server). Search vectors are kept by triggers, so every
-- writer — the app, the seed, a future import — indexes alike. Text is folded the same way on both
-- sides: lower case, Latin accents removed ("attivita" finds "attività"), and runs of Hangul, kana
-- and CJK ideographs also indexed as overlapping two-character pieces, so part of a Korean word
-- finds the whole ("대시보드" finds "대시보드가").

CREATE OR REPLACE FUNCTION portico_fold(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT translate(lower(coalesce(input, '')),
    'àáâãäåāèéêëēìíîïīòóôõöøōùúûüūýÿçñß',
    'aaaaaaaeeeeeiiiiioooooooouuuuuyycns')
$$;

CREATE OR REPLACE FUNCTION portico_cjk_pieces(input text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  run text;
  pieces text[] := '{}';
BEGIN
  FOR run IN SELECT m[1] FROM regexp_matches(input, '([가-힣ᄀ-ᇿ㄰-㆏ぁ-ヿ一-鿿]+)', 'g') AS m LOOP
    IF char_length(run) = 1 THEN
      pieces := pieces || run;
    ELSE
      FOR i IN 1 .. char_length(run) - 1 LOOP
        pieces := pieces || substr(run, i, 2);
      END LOOP;
    END IF;
  END LOOP;
  RETURN pieces;
END
$$;

CREATE OR REPLACE FUNCTION portico_search_vector(input text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('simple', portico_fold(input) || ' ' || array_to_string(portico_cjk_pieces(portico_fold(input)), ' '))
$$;

-- A person's query as a tsquery: every word must match, each as a prefix ("dash" finds "dashboard");
-- a Korean or Japanese word matches by its consecutive two-character pieces.
CREATE OR REPLACE FUNCTION portico_search_query(input text) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  token text;
  piece text;
  run text;
  pieces text[];
  terms text[] := '{}';
BEGIN
  -- Word-like tokens only: compound words are also returned as their parts, which is what we keep.
  FOR token IN SELECT t.token FROM ts_parse('default', portico_fold(left(input, 500))) AS t WHERE t.tokid NOT IN (5, 12, 13, 14, 15, 16, 17, 18, 23) LOOP
    FOREACH piece IN ARRAY regexp_split_to_array(regexp_replace(token, '[가-힣ᄀ-ᇿ㄰-㆏ぁ-ヿ一-鿿]+', ' ', 'g'), '\s+') LOOP
      IF piece <> '' THEN
        terms := terms || (quote_literal(piece) || ':*');
      END IF;
    END LOOP;
    FOR run IN SELECT m[1] FROM regexp_matches(token, '([가-힣ᄀ-ᇿ㄰-㆏ぁ-ヿ一-鿿]+)', 'g') AS m LOOP
      pieces := portico_cjk_pieces(run);
      IF char_length(run) = 1 THEN
        terms := terms || (quote_literal(run) || ':*');
      ELSE
        terms := terms || ('(' || (SELECT string_agg(quote_literal(p), ' <-> ') FROM unnest(pieces) AS p) || ')');
      END IF;
    END LOOP;
  END LOOP;
  IF array_length(terms, 1) IS NULL THEN
    RETURN NULL;
  END IF;
  RETURN to_tsquery('simple', array_to_string(terms, ' & '));
END
$$;

CREATE OR REPLACE FUNCTION portico_request_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := setweight(portico_search_vector(NEW.subject), 'A') || setweight(portico_search_vector(NEW.description), 'B');
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION portico_body_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := portico_search_vector(NEW.body);
  RETURN NEW;
END
$$;

CREATE TRIGGER "Request_searchVector" BEFORE INSERT OR UPDATE OF subject, description ON "Request"
  FOR EACH ROW EXECUTE FUNCTION portico_request_search_vector();
CREATE TRIGGER "Comment_searchVector" BEFORE INSERT OR UPDATE OF body ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION portico_body_search_vector();
CREATE TRIGGER "ChatMessage_searchVector" BEFORE INSERT OR UPDATE OF body ON "ChatMessage"
  FOR EACH ROW EXECUTE FUNCTION portico_body_search_vector();

-- Index what is already there.
UPDATE "Request" SET subject = subject;
UPDATE "Comment" SET body = body;
UPDATE "ChatMessage" SET body = body;
