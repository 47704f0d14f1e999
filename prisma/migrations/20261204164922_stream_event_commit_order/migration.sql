-- DropIndex
DROP INDEX "RequestStreamEvent_requestId_id_idx";

-- AlterTable
ALTER TABLE "RequestStreamEvent" ADD COLUMN     "position" BIGINT;

-- CreateIndex
CREATE UNIQUE INDEX "RequestStreamEvent_position_key" ON "RequestStreamEvent"("position");

-- CreateIndex
CREATE INDEX "RequestStreamEvent_requestId_position_idx" ON "RequestStreamEvent"("requestId", "position");

-- The stream's order is the order in which the writing transactions commit: an id is taken when the
-- row is inserted, so a transaction that started writing earlier could commit after a later one and
-- land behind a reader that had already passed its id. The position is given instead just before
-- the commit, one committing transaction at a time (a transaction-scoped advisory lock, released
-- only once the commit is visible): a reader that sees position P has seen, or will never see,
-- every position below it. Rows already written keep their ids as positions.
CREATE SEQUENCE "RequestStreamEvent_position_seq" AS BIGINT;
UPDATE "RequestStreamEvent" SET "position" = "id";
SELECT setval('"RequestStreamEvent_position_seq"', COALESCE((SELECT max("id") FROM "RequestStreamEvent"), 0) + 1, false);

CREATE FUNCTION request_stream_event_position() RETURNS trigger AS $$
BEGIN
  -- 7240311: this lock's own number, used nowhere else.
  PERFORM pg_advisory_xact_lock(7240311);
  UPDATE "RequestStreamEvent" SET "position" = nextval('"RequestStreamEvent_position_seq"') WHERE "id" = NEW."id";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER request_stream_event_position AFTER INSERT ON "RequestStreamEvent"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION request_stream_event_position();
