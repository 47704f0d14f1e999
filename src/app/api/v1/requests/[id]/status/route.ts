import { getDatabase } from "@/server/db";
import { changedRequestAnswer } from "@/server/api/request-writes";
import { outcomeResponse, readJson, withApi } from "@/server/entry/routes";
import { holdRequest } from "@/server/requests/hold-request";
import { setRequestStatus } from "@/server/requests/set-request-status";
import { solveRequest } from "@/server/requests/solve-request";
import { requestIdSchema } from "@/schemas/request-id";

// POST /api/v1/requests/{id}/status — an agent sets the status: Open or Pending as is, On-hold with a
// reason, Solved with a resolution; each is the console's own use case, and the workflow decides.

export const dynamic = "force-dynamic";

export const POST = withApi<{ params: Promise<{ id: string }> }>(
  async (request, viewer, { params }) => {
    const db = getDatabase();
    const body = await readJson(request);
    const input = { ...body, requestId: (await params).id };
    // Anything but on_hold and solved is for setRequestStatus, which refuses what is not a status.
    const change = body.status === "on_hold" ? holdRequest : body.status === "solved" ? solveRequest : setRequestStatus;
    const changed = await change(db, viewer, input);
    return changed.ok ? changedRequestAnswer(db, viewer, requestIdSchema.parse(input.requestId)) : outcomeResponse(changed);
  },
  { write: true, agentsOnly: true },
);
