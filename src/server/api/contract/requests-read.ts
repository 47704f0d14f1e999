import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { CHANNELS, PRIORITY_CODES, REQUEST_STATUSES, SATISFACTION_SCORES } from "@/domain";
import { MAX_PAGE_LIMIT, REQUEST_SCOPES } from "@/schemas/request-list";
import { commonProblems, instant, invalidProblem, notFoundProblem, readAnswer, requestIdPath } from "./common";

// GET /api/v1/requests and GET /api/v1/requests/{id} (docs/api.md "Reading requests"): the caller's
// lists and one request as its page shows it, through the same use cases and the same gate.

/** A comma-separated list of codes, each one of `codes` (also accepted repeated). */
const codeList = <const T extends readonly [string, ...string[]]>(codes: T) =>
  z
    .string()
    .regex(new RegExp(`^(${codes.join("|")})(,(${codes.join("|")}))*$`), { error: "invalid" })
    .optional()
    .meta({ description: `Comma-separated: ${codes.join(", ")}.` });

export const listRequestsQuery = z.object({
  scope: z.enum(REQUEST_SCOPES).optional().meta({ description: "mine (default): the caller's own; ccd: where they are CC'd; organization: their organization's, with organization-wide access." }),
  status: codeList(REQUEST_STATUSES),
  priority: codeList(PRIORITY_CODES),
  q: z.string().max(200).optional().meta({ description: "Words to search for in subjects, descriptions, public replies and chats; or a request number." }),
  sort: z.enum(["activity", "created"]).optional().meta({ description: "By latest activity (default) or by creation." }),
  order: z.enum(["desc", "asc"]).optional().meta({ description: "Newest first (default) or oldest first; a search keeps this order." }),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, { error: "invalid" })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: "invalid" }).max(MAX_PAGE_LIMIT, { error: "invalid" }))
    .optional()
    .meta({ description: `Requests per page, 1 to ${MAX_PAGE_LIMIT} (default 25).` }),
  cursor: z.string().max(500).optional().meta({ description: "The `nextCursor` of the previous page, with the same other parameters." }),
});

export const requestSummarySchema = z
  .object({
    id: z.number().int(),
    subject: z.string(),
    status: z.enum(REQUEST_STATUSES),
    priority: z.enum(PRIORITY_CODES),
    requesterName: z.string(),
    mergedIntoId: z.number().int().nullable(),
    createdAt: instant,
    lastActivityAt: instant,
  })
  .meta({ id: "RequestSummary", description: "A request as a list shows it." });

export const requestListSchema = z
  .object({
    scope: z.enum(REQUEST_SCOPES).meta({ description: "The scope listed: organization falls back to mine without organization-wide access." }),
    data: z.array(requestSummarySchema),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
  })
  .meta({ id: "RequestList" });

const personSchema = z.object({ id: z.string(), name: z.string(), isAgent: z.boolean() }).meta({ id: "Person" });

const attachmentSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    byteSize: z.number().int(),
    scanStatus: z.enum(["pending", "clean", "infected"]),
    url: z.string().nullable().meta({ description: "Where to download it (with the same credentials); null while it is not known to be clean." }),
  })
  .meta({ id: "Attachment" });

const messageEntry = z
  .object({
    kind: z.literal("message"),
    id: z.string(),
    visibility: z.enum(["public", "internal"]).meta({ description: "internal: an internal note, only ever shown to agents." }),
    author: personSchema,
    body: z.string().meta({ description: "Markdown, as written." }),
    channel: z.enum(CHANNELS),
    reopened: z.boolean(),
    createdAt: instant,
    attachments: z.array(attachmentSchema),
  })
  .meta({ id: "Message" });

const chatEntry = z
  .object({
    kind: z.literal("chat"),
    id: z.string(),
    startedBy: personSchema,
    startedAt: instant,
    endedAt: instant.nullable(),
    lines: z.array(z.object({ id: z.string(), author: personSchema, body: z.string(), sentAt: instant })),
  })
  .meta({ id: "ChatTranscript" });

const statusEntry = z
  .object({ kind: z.literal("status_change"), id: z.string(), at: instant, from: z.enum(REQUEST_STATUSES).nullable(), to: z.enum(REQUEST_STATUSES) })
  .meta({ id: "StatusChange" });

const mergeEntry = z.object({ kind: z.literal("merge_received"), id: z.string(), at: instant, source: z.object({ id: z.number().int(), subject: z.string() }) }).meta({ id: "MergeReceived" });

export const ratingSchema = z
  .object({
    score: z.enum(SATISFACTION_SCORES),
    comment: z.string().nullable(),
    ratedAt: instant.meta({ description: "When the requester first rated." }),
    updatedAt: instant.meta({ description: "When the rating last changed." }),
  })
  .meta({ id: "Rating", description: "The requester's satisfaction rating of a Solved request." });

export const requestDetailSchema = z
  .object({
    id: z.number().int(),
    subject: z.string(),
    description: z.string().meta({ description: "Markdown, as written." }),
    status: z.enum(REQUEST_STATUSES),
    priority: z.enum(PRIORITY_CODES),
    channel: z.enum(CHANNELS),
    createdAt: instant,
    lastActivityAt: instant,
    requester: personSchema,
    organization: z.object({ id: z.string(), name: z.string() }),
    ccs: z.array(personSchema),
    solvedReason: z.string().nullable(),
    solvedAt: instant.nullable(),
    mergedIntoId: z.number().int().nullable(),
    attachments: z.array(attachmentSchema),
    rating: ratingSchema.nullable().meta({ description: "The requester's rating, shown to the requester and agents; null when there is none or the caller does not see ratings." }),
    ratingOpenUntil: instant
      .nullable()
      .meta({ description: "For the requester and agents: until when the requester may rate or change the rating; null when it cannot be rated now (not Solved, merged, or too late)." }),
    thread: z.array(z.discriminatedUnion("kind", [messageEntry, chatEntry, statusEntry, mergeEntry])).meta({ description: "Messages, chat transcripts, status changes and merges, oldest first." }),
  })
  .meta({ id: "RequestDetail", description: "One request with its conversation." });

export const requestsReadPaths: ZodOpenApiPathsObject = {
  "/api/v1/requests": {
    get: {
      operationId: "listRequests",
      summary: "List requests",
      description: "The caller's requests in a scope, filtered, searched and sorted, by keyset pages with no limit on depth: rows added while paging never repeat or shift a page.",
      tags: ["Requests"],
      requestParams: { query: listRequestsQuery },
      responses: { ...readAnswer("One page of requests.", requestListSchema), ...invalidProblem, ...commonProblems },
    },
  },
  "/api/v1/requests/{id}": {
    get: {
      operationId: "getRequest",
      summary: "Read a request",
      description: "The request with its public messages, chat transcripts, status changes and attachments; agents also get internal notes, marked `internal`.",
      tags: ["Requests"],
      requestParams: { path: requestIdPath },
      responses: { ...readAnswer("The request.", requestDetailSchema), ...notFoundProblem, ...commonProblems },
    },
  },
};
