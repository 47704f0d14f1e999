import { toRequestDetail } from "@/server/api/request-reads";
import { getDatabase } from "@/server/db";
import { outcomeResponse, withApi } from "@/server/entry/routes";
import { getRequestPage } from "@/server/requests/get-request-page";

// GET /api/v1/requests/{id} — one request as its page shows it to the caller, through the same gate:
// 404 alike for a missing request and one they may not see (docs/api.md "Reading requests").

export const dynamic = "force-dynamic";

export const GET = withApi<{ params: Promise<{ id: string }> }>(async (_request, viewer, { params }) => {
  const opened = await getRequestPage(getDatabase(), viewer, { requestId: (await params).id });
  return opened.ok ? Response.json(toRequestDetail(opened.page)) : outcomeResponse(opened);
});
