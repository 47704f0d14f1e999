import { z } from "zod";
import type { ZodOpenApiResponsesObject } from "zod-openapi";

// What every operation of the Requests API shares (docs/api.md): the problem document its errors are
// (RFC 9457), the headers of its answers, and the errors each kind of operation can answer with.

export const problemSchema = z
  .object({
    type: z.string().meta({ description: "Always about:blank: the status and `code` say what happened." }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().meta({ description: "What happened, in words for a person." }),
    code: z.string().meta({ description: "A stable code for programs: not_found, invalid, unauthenticated, rate_limited, a rule's refusal…" }),
    fields: z.record(z.string(), z.string()).optional().meta({ description: "For 422 invalid: each refused field and why (required, invalid, too_long, …)." }),
  })
  .meta({ id: "Problem", description: "An error, as application/problem+json (RFC 9457)." });

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: problemSchema } } });

const rateHeaders = {
  "RateLimit-Limit": { description: "Calls allowed per minute for this credential.", schema: { type: "integer" as const } },
  "RateLimit-Remaining": { description: "Calls left in the current minute.", schema: { type: "integer" as const } },
  "RateLimit-Reset": { description: "Seconds until the minute ends.", schema: { type: "integer" as const } },
};

/** A successful read: JSON with an ETag; If-None-Match with it answers 304. */
export function readAnswer(description: string, schema: z.ZodType): ZodOpenApiResponsesObject {
  return {
    "200": {
      description,
      headers: { ETag: { description: "This version of the answer; send it as If-None-Match to get 304 while nothing changed.", schema: { type: "string" } }, ...rateHeaders },
      content: { "application/json": { schema } },
    },
    "304": { description: "Not modified since the ETag given in If-None-Match." },
  };
}

/** A successful write. */
export function writeAnswer(status: "200" | "201", description: string, schema: z.ZodType): ZodOpenApiResponsesObject {
  return { [status]: { description, headers: rateHeaders, content: { "application/json": { schema } } } };
}

/** The errors every operation can answer with. */
export const commonProblems: ZodOpenApiResponsesObject = {
  "401": problem("No credential, or one that is unknown, revoked or expired."),
  "429": problem("Over the rate limit; Retry-After says in how many seconds to try again."),
  "503": problem(
    "The server is busy (`busy`: nothing was saved) or its database is unavailable for a moment (`unavailable`: a write may have been saved — send it again with the same Idempotency-Key). Retry-After says when to try again.",
  ),
};

export const notFoundProblem: ZodOpenApiResponsesObject = { "404": problem("Not found: it does not exist, or the caller may not see it — the same answer for both.") };
export const invalidProblem: ZodOpenApiResponsesObject = { "422": problem("Invalid input (`fields` says which), or a rule refused the change (`code` says which).") };
export const writeProblems: ZodOpenApiResponsesObject = {
  "400": problem("A malformed Idempotency-Key."),
  "403": problem("A read-only token, or a write from another site's page."),
  "409": problem("Changed by someone else at the same time, or the same Idempotency-Key is still being answered; nothing was saved."),
  ...invalidProblem,
};

/** The Idempotency-Key header every POST takes. */
export const idempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .optional()
    .meta({ description: "Any unique string (a UUID): a retry with the same key and body gets the first answer and changes nothing, for 24 hours." }),
});

/** A request number in the path. */
export const requestIdPath = z.object({ id: z.string().meta({ description: "The request's number.", example: "1042" }) });

/** An instant, as the API writes it: ISO 8601 in UTC. */
export const instant = z.iso.datetime().meta({ description: "ISO 8601, UTC.", example: "2026-12-04T09:30:00.000Z" });
