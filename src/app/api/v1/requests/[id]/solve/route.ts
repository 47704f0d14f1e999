import { getDatabase } from "@/server/db";
import { changedRequestAnswer, submissionKeyFor } from "@/server/api/request-writes";
import { outcomeResponse, withApi } from "@/server/entry/routes";
import { markSolved } from "@/server/requests/mark-solved";
import { requestIdSchema } from "@/schemas/request-id";

// POST /api/v1/requests/{id}/solve — the requester's "Mark as solved": Solved as agreed, recorded as
// theirs, through the request page's own use case (anyone else finds no such request).

export const dynamic = "force-dynamic";

export const POST = withApi<{ params: Promise<{ id: string }> }>(
  async (request, viewer, { params }) => {
    const db = getDatabase();
    const input = {
      requestId: (await params).id,
      submissionKey: submissionKeyFor(request),
    };
    const solved = await markSolved(db, viewer, input);
    return solved.ok ? changedRequestAnswer(db, viewer, requestIdSchema.parse(input.requestId)) : outcomeResponse(solved);
  },
  { write: true },
);
