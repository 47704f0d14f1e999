import { apiDocument } from "@/server/api/openapi";
import { withPublic } from "@/server/entry/routes";

// GET /api/v1/openapi.json — the Requests API's contract (docs/api.md), open to anyone: it describes
// what exists, never what any request holds.

export const GET = withPublic(async () => Response.json(apiDocument(), { headers: { "Cache-Control": "public, max-age=300" } }));
