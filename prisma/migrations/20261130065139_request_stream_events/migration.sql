-- CreateTable
CREATE TABLE "RequestStreamEvent" (
    "id" BIGSERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestStreamEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RequestStreamEvent_requestId_id_idx" ON "RequestStreamEvent"("requestId", "id");

-- CreateIndex
CREATE INDEX "RequestStreamEvent_createdAt_idx" ON "RequestStreamEvent"("createdAt");

-- AddForeignKey
ALTER TABLE "RequestStreamEvent" ADD CONSTRAINT "RequestStreamEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every instance's stream hub listens on "request_events": the request's id, delivered when the
-- writing transaction commits (and never when it rolls back).
CREATE FUNCTION request_stream_event_notify() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('request_events', NEW."requestId"::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER request_stream_event_notify AFTER INSERT ON "RequestStreamEvent"
  FOR EACH ROW EXECUTE FUNCTION request_stream_event_notify();
