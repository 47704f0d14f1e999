import { getDatabase } from "@/server/db";
import { ccUserIdOf, requestLocation } from "@/server/api/request-writes";
import { outcomeResponse, readJson, withApi } from "@/server/entry/routes";
import { invalid } from "@/server/outcome";
import { addRequestCc } from "@/server/requests/add-request-cc";
import { requestIdSchema } from "@/schemas/request-id";

// POST /api/v1/requests/{id}/ccs — the requester (or an agent) CCs a member of the request's
// organization, named by id or email: 201 when added, 200 when they were CC'd already.

export const dynamic = "force-dynamic";

export const POST = withApi<{ params: Promise<{ id: string }> }>(
  async (request, viewer, { params }) => {
    const db = getDatabase();
    const requestId = (await params).id;
    const named = await ccUserIdOf(db, await readJson(request));
    if (!named.ok) return outcomeResponse(invalid(named.fields));
    const added = await addRequestCc(db, viewer, { requestId, userId: named.userId });
    if (!added.ok) return outcomeResponse(added);
    const body = { cc: { userId: String(named.userId).trim() }, added: added.changed };
    return Response.json(body, { status: added.changed ? 201 : 200, headers: { Location: requestLocation(requestIdSchema.parse(requestId)) } });
  },
  { write: true },
);
