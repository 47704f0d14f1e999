import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import { mePaths } from "./contract/me";
import { requestsReadPaths } from "./contract/requests-read";
import { requestsWritePaths } from "./contract/requests-write";

// The Requests API's OpenAPI 3.1 document (docs/api.md), generated from the same zod schemas that
// validate its input and describe its answers. Served at /api/v1/openapi.json and read by the
// reference page /api/docs; docs/api/openapi.json is the committed copy a test holds to the code.

export const API_VERSION = "1.0.0";

export function apiDocument(): ReturnType<typeof createDocument> {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Portico Requests API",
      version: API_VERSION,
      description:
        "Support requests and their conversations over HTTP, with the portal's own access rules: a request the caller may not see is 404, exactly like one that does not exist. Errors are application/problem+json (RFC 9457); dates are ISO 8601 in UTC.",
    },
    servers: [{ url: "/" }],
    security: [{ bearerToken: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal API token from Settings → API tokens (`ptc_…`)." },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The portal's sign-in cookie (`__Secure-next-auth.session-token` over HTTPS), for same-origin calls; writes only from the portal's own pages." },
      },
    },
    tags: [
      { name: "People", description: "The caller." },
      { name: "Requests", description: "Support requests, their messages and CCs." },
      { name: "Agents", description: "What agents do to requests: status, priority, assignment, merges, internal notes." },
    ],
    // The writes share paths with the reads (GET and POST /api/v1/requests): merged per method.
    paths: withOperationsOf(requestsWritePaths, {
      ...mePaths,
      ...requestsReadPaths,
    }),
  });
}

function withOperationsOf(more: ZodOpenApiPathsObject, paths: ZodOpenApiPathsObject): ZodOpenApiPathsObject {
  const merged = { ...paths };
  for (const [path, operations] of Object.entries(more)) merged[path] = { ...merged[path], ...operations };
  return merged;
}
