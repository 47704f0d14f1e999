import { requestIdSchema } from "@/schemas/request-id";
import { getClock } from "@/server/clock";
import { getDatabase } from "@/server/db";
import { eventStreamResponse, outcomeResponse, withViewer } from "@/server/entry/routes";
import { sessionStillOpen } from "@/server/entry/viewer";
import { getStreamHub } from "@/server/realtime/hub";
import { openRequestStream, parseEventId } from "@/server/realtime/request-stream";

// GET /api/requests/{id}/events — the request's live events as Server-Sent Events (docs/realtime.md),
// chats on it included, for whoever may see the request; anyone else gets the same 404 as for a
// request that does not exist. A reconnecting browser sends Last-Event-ID and resumes after it; the
// stream ends when the viewer's access or sign-in session does.

export const dynamic = "force-dynamic";

export const GET = withViewer<{ params: Promise<{ id: string }> }>(async (request, viewer, { params }) => {
  const parsed = requestIdSchema.safeParse((await params).id);
  if (!parsed.success) return outcomeResponse({ ok: false, reason: "not_found" });
  const after = parseEventId(request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after"));
  const clock = getClock();
  const opened = await openRequestStream(getDatabase(), viewer, parsed.data, { hub: getStreamHub(), after, now: () => clock.now(), stillSignedIn: sessionStillOpen(viewer) });
  return opened.ok ? eventStreamResponse(opened.stream) : outcomeResponse(opened);
});
