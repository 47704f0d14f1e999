import { getDatabase } from "@/server/db";
import { outcomeResponse, withApi } from "@/server/entry/routes";
import { removeRequestCc } from "@/server/requests/remove-request-cc";

// DELETE /api/v1/requests/{id}/ccs/{userId} — the requester (or an agent) removes a CC; removing
// someone who is not CC'd changes nothing and answers the same.

export const dynamic = "force-dynamic";

export const DELETE = withApi<{ params: Promise<{ id: string; userId: string }> }>(
  async (_request, viewer, { params }) => {
    const { id, userId } = await params;
    const removed = await removeRequestCc(getDatabase(), viewer, { requestId: id, userId });
    return removed.ok ? new Response(null, { status: 204 }) : outcomeResponse(removed);
  },
  { write: true },
);
