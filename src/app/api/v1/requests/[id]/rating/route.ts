import { getDatabase } from "@/server/db";
import { ratingAnswer } from "@/server/api/request-writes";
import { outcomeResponse, readJson, withApi } from "@/server/entry/routes";
import { rateRequest } from "@/server/requests/rate-request";
import { requestIdSchema } from "@/schemas/request-id";

// PUT /api/v1/requests/{id}/rating — the requester rates their Solved request, or changes the rating,
// through the request page's own use case; the domain decides whether it may be rated now.

export const dynamic = "force-dynamic";

export const PUT = withApi<{ params: Promise<{ id: string }> }>(
  async (request, viewer, { params }) => {
    const db = getDatabase();
    const input = {
      ...(await readJson(request)),
      requestId: (await params).id,
    };
    const rated = await rateRequest(db, viewer, input);
    return rated.ok ? ratingAnswer(db, requestIdSchema.parse(input.requestId), rated.changed) : outcomeResponse(rated);
  },
  { write: true },
);
