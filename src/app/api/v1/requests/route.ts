import { getDatabase } from "@/server/db";
import { readList } from "@/server/entry/list-database";
import { createdRequestAnswer, submissionKeyFor } from "@/server/api/request-writes";
import { listRequestsQuery } from "@/server/api/contract/requests-read";
import { decodeApiCursor, toRequestList } from "@/server/api/request-reads";
import { outcomeResponse, readJson, withApi } from "@/server/entry/routes";
import { invalid, invalidInput } from "@/server/outcome";
import { listRequestsUncounted } from "@/server/requests/list-requests";
import { createRequest } from "@/server/requests/create-request";

export const dynamic = "force-dynamic";

// POST /api/v1/requests — a customer opens a request, by the channel "api" (docs/api.md, "Changing requests").
export const POST = withApi(
  async (request, viewer) => {
    const db = getDatabase();
    // The form always sends its CC list, empty or not; a JSON body may leave it out.
    const created = await createRequest(db, viewer, { ccUserIds: [], ...(await readJson(request)), submissionKey: submissionKeyFor(request) });
    return created.ok ? createdRequestAnswer(db, viewer, created.id) : outcomeResponse(created);
  },
  { write: true },
);

// GET /api/v1/requests — the caller's requests, as My Requests lists them (docs/api.md "Reading requests").
export const GET = withApi(async (request, viewer) => {
  const parsed = listRequestsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams), { reportInput: true });
  if (!parsed.success) return outcomeResponse(invalidInput(parsed.error));
  const query = parsed.data;
  const after = query.cursor === undefined ? undefined : decodeApiCursor(query, query.cursor);
  if (after === null) return outcomeResponse(invalid({ cursor: "invalid" }));
  const params = {
    scope: query.scope,
    status: query.status?.split(",") ?? [],
    priority: query.priority?.split(",") ?? [],
    q: query.q,
    sort: query.sort,
    order: query.order,
    limit: query.limit,
    after,
  };
  const listed = await readList((db) => listRequestsUncounted(db, viewer, params));
  return listed.ok ? Response.json(toRequestList(query, listed.page)) : outcomeResponse(listed);
});

