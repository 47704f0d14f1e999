import { getDatabase } from "@/server/db";
import { changedRequestAnswer } from "@/server/api/request-writes";
import { outcomeResponse, readJson, withApi } from "@/server/entry/routes";
import { invalid } from "@/server/outcome";
import { assignRequest } from "@/server/requests/assign-request";
import { requestIdSchema } from "@/schemas/request-id";

// POST /api/v1/requests/{id}/assignment — an agent assigns the request: to an agent, to themselves
// ("me"), or to nobody (null).

export const dynamic = "force-dynamic";

export const POST = withApi<{ params: Promise<{ id: string }> }>(
  async (request, viewer, { params }) => {
    const db = getDatabase();
    const body = await readJson(request);
    // The console's form leaves the field empty for nobody; here nobody is said (null), so a body
    // that forgot the field unassigns nothing.
    if (!("assigneeId" in body)) return outcomeResponse(invalid({ assigneeId: "required" }));
    const input = { ...body, assigneeId: body.assigneeId ?? "", requestId: (await params).id };
    const changed = await assignRequest(db, viewer, input);
    return changed.ok ? changedRequestAnswer(db, viewer, requestIdSchema.parse(input.requestId)) : outcomeResponse(changed);
  },
  { write: true, agentsOnly: true },
);
