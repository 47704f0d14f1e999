import { getDatabase } from "@/server/db";
import { postedMessageAnswer, submissionKeyFor } from "@/server/api/request-writes";
import { outcomeResponse, readJson, withApi } from "@/server/entry/routes";
import { addInternalNote } from "@/server/requests/add-internal-note";
import { requestIdSchema } from "@/schemas/request-id";

// POST /api/v1/requests/{id}/notes — an agent's internal note, never shown to customers.

export const dynamic = "force-dynamic";

export const POST = withApi<{ params: Promise<{ id: string }> }>(
  async (request, viewer, { params }) => {
    const db = getDatabase();
    const input = { ...(await readJson(request)), requestId: (await params).id, submissionKey: submissionKeyFor(request) };
    const noted = await addInternalNote(db, viewer, input);
    return noted.ok ? postedMessageAnswer(db, viewer, requestIdSchema.parse(input.requestId), "internal") : outcomeResponse(noted);
  },
  { write: true, agentsOnly: true },
);
