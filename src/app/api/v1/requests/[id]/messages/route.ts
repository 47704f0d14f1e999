import { getDatabase } from "@/server/db";
import { postedMessageAnswer, submissionKeyFor } from "@/server/api/request-writes";
import { outcomeResponse, readJson, withApi } from "@/server/entry/routes";
import { replyAsAgent } from "@/server/requests/reply-as-agent";
import { replyToRequest } from "@/server/requests/reply-to-request";
import { requestIdSchema } from "@/schemas/request-id";

// POST /api/v1/requests/{id}/messages — a public reply, by the channel "api": from the requester's
// side it reopens the request as any reply does; an agent's is the console's reply, with the status
// that follows it (docs/api.md, "Changing requests").

export const dynamic = "force-dynamic";

export const POST = withApi<{ params: Promise<{ id: string }> }>(
  async (request, viewer, { params }) => {
    const db = getDatabase();
    const input = { ...(await readJson(request)), requestId: (await params).id, submissionKey: submissionKeyFor(request) };
    if (viewer.actor.isAgent) {
      const replied = await replyAsAgent(db, viewer, input);
      return replied.ok ? postedMessageAnswer(db, viewer, requestIdSchema.parse(input.requestId), "public") : outcomeResponse(replied);
    }
    const replied = await replyToRequest(db, viewer, input);
    return replied.ok ? postedMessageAnswer(db, viewer, requestIdSchema.parse(input.requestId), "public", replied.commentId) : outcomeResponse(replied);
  },
  { write: true },
);
