import { z } from "zod";
import { requestIdSchema } from "@/schemas/request-id";
import { getClock } from "@/server/clock";
import { getDatabase } from "@/server/db";
import { eventStreamResponse, outcomeResponse, problem, withViewer } from "@/server/entry/routes";
import { sessionStillOpen } from "@/server/entry/viewer";
import { getStreamHub } from "@/server/realtime/hub";
import { openRequestsStream, parseEventId } from "@/server/realtime/request-stream";

// GET /api/requests/events?ids=1,2,3 — the live events of a list's rows (My Requests), for the
// requests among them the viewer may see; none of them: 404.

export const dynamic = "force-dynamic";

const MAX_ROWS = 100;
const idsSchema = z
  .string()
  .transform((value) => value.split(",") as Array<string | number>)
  .pipe(z.array(requestIdSchema).min(1).max(MAX_ROWS));

export const GET = withViewer(async (request, viewer) => {
  const url = new URL(request.url);
  const ids = idsSchema.safeParse(url.searchParams.get("ids") ?? "");
  if (!ids.success) return problem(422, "invalid", `Name 1 to ${MAX_ROWS} request numbers: ids=1,2,3.`);
  const after = parseEventId(request.headers.get("last-event-id") ?? url.searchParams.get("after"));
  const clock = getClock();
  const opened = await openRequestsStream(getDatabase(), viewer, ids.data, { hub: getStreamHub(), after, now: () => clock.now(), stillSignedIn: sessionStillOpen(viewer) });
  return opened.ok ? eventStreamResponse(opened.stream) : outcomeResponse(opened);
});
