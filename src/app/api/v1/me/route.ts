import { toMe } from "@/server/api/contract/me";
import { withApi } from "@/server/entry/routes";

// GET /api/v1/me — who the credential acts as (docs/api.md).

export const dynamic = "force-dynamic";

export const GET = withApi(async (_request, viewer) => Response.json(toMe(viewer)));
