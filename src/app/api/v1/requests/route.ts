import { getDatabase } from "@/server/db";
import { createdRequestAnswer, submissionKeyFor } from "@/server/api/request-writes";
import { outcomeResponse, readJson, withApi } from "@/server/entry/routes";
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
