import { getDatabase } from "@/server/db";
import { changedRequestAnswer } from "@/server/api/request-writes";
import { outcomeResponse, readJson, withApi } from "@/server/entry/routes";
import { reclassifyRequest } from "@/server/requests/reclassify-request";
import { requestIdSchema } from "@/schemas/request-id";

// POST /api/v1/requests/{id}/priority — an agent changes the priority, with a reason the customer sees.

export const dynamic = "force-dynamic";

export const POST = withApi<{ params: Promise<{ id: string }> }>(
  async (request, viewer, { params }) => {
    const db = getDatabase();
    const input = { ...(await readJson(request)), requestId: (await params).id };
    const changed = await reclassifyRequest(db, viewer, input);
    return changed.ok ? changedRequestAnswer(db, viewer, requestIdSchema.parse(input.requestId)) : outcomeResponse(changed);
  },
  { write: true, agentsOnly: true },
);
