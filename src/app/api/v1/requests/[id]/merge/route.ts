import { getDatabase } from "@/server/db";
import { changedRequest, submissionKeyFor } from "@/server/api/request-writes";
import { outcomeResponse, problem, readJson, withApi } from "@/server/entry/routes";
import { mergeRequest } from "@/server/requests/merge-request";
import { requestIdSchema } from "@/schemas/request-id";

// POST /api/v1/requests/{id}/merge — an agent merges the request into another of the same
// organization; the answer has both as the merge left them.

export const dynamic = "force-dynamic";

export const POST = withApi<{ params: Promise<{ id: string }> }>(
  async (request, viewer, { params }) => {
    const db = getDatabase();
    const body = await readJson(request);
    const input = { ...body, requestId: (await params).id, submissionKey: submissionKeyFor(request) };
    const merged = await mergeRequest(db, viewer, input);
    if (!merged.ok) return outcomeResponse(merged);
    const [source, target] = await Promise.all([
      changedRequest(db, viewer, requestIdSchema.parse(input.requestId)),
      changedRequest(db, viewer, requestIdSchema.parse(body.targetId)),
    ]);
    return source && target ? Response.json({ request: source, target }) : problem(404, "not_found", "Not found.");
  },
  { write: true, agentsOnly: true },
);
