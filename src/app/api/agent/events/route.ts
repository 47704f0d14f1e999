import { getClock } from "@/server/clock";
import { getDatabase } from "@/server/db";
import { eventStreamResponse, outcomeResponse, withAgent } from "@/server/entry/routes";
import { sessionStillOpen } from "@/server/entry/viewer";
import { getStreamHub } from "@/server/realtime/hub";
import { openConsoleStream, parseEventId } from "@/server/realtime/request-stream";

// GET /api/agent/events — every request's live events, for the agent console: the queue's rows and
// new waiting chats. Not there for anyone else (404).

export const dynamic = "force-dynamic";

export const GET = withAgent(async (request, viewer) => {
  const after = parseEventId(request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after"));
  const clock = getClock();
  const opened = await openConsoleStream(getDatabase(), viewer, { hub: getStreamHub(), after, now: () => clock.now(), stillSignedIn: sessionStillOpen(viewer) });
  return opened.ok ? eventStreamResponse(opened.stream) : outcomeResponse(opened);
});
