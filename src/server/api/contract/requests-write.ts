import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject, ZodOpenApiResponseObject } from "zod-openapi";
import { CHANNELS, HOLD_REASONS, MAX_RATING_COMMENT_LENGTH, PRIORITY_CODES, REQUEST_STATUSES, SATISFACTION_SCORES, SOLVED_REASONS_AGENTS_CHOOSE, STATUSES_AFTER_AGENT_REPLY } from "@/domain";
import { MAX_CCS, MAX_DESCRIPTION_LENGTH, MAX_SUBJECT_LENGTH } from "@/schemas/new-request";
import { MAX_REPLY_LENGTH } from "@/schemas/request-reply";
import { ratingSchema } from "./requests-read";
import { commonProblems, idempotencyHeader, instant, notFoundProblem, requestIdPath, writeAnswer, writeProblems } from "./common";

// The Requests API's writes (docs/api.md, "Changing requests"): a new request, a reply, CCs, and the
// agents' actions. Each route hands its JSON body to one use case of src/server/requests/ — the one
// the portal's form calls, which validates it — so the bodies described here are documentation of
// those use cases' inputs; the answers are small on purpose: what changed, not the whole request.

// --- Answers -------------------------------------------------------------------------------------

export const changedRequestSchema = z
  .object({
    id: z.number().int(),
    subject: z.string(),
    status: z.enum(REQUEST_STATUSES),
    priority: z.enum(PRIORITY_CODES),
    assigneeId: z.string().nullable(),
    mergedIntoId: z.number().int().nullable().meta({ description: "The request this one was merged into, if it was." }),
    channel: z.enum(CHANNELS).meta({ description: "How the request was opened." }),
    createdAt: instant,
    lastActivityAt: instant,
  })
  .meta({ id: "ChangedRequest", description: "A request as a write left it." });

export type ChangedRequest = z.infer<typeof changedRequestSchema>;

const requestAnswer = z.object({ request: changedRequestSchema }).meta({ id: "RequestAnswer" });

const postedMessageSchema = z
  .object({
    message: z.object({ id: z.string(), visibility: z.enum(["public", "internal"]), createdAt: instant }),
    request: changedRequestSchema,
  })
  .meta({ id: "PostedMessage", description: "The message written, and the request as it left it (a reply may reopen it)." });

const ccAnswer = z
  .object({ cc: z.object({ userId: z.string() }), added: z.boolean().meta({ description: "False when the person was CC'd already." }) })
  .meta({ id: "CcAnswer" });

const mergeAnswer = z
  .object({ request: changedRequestSchema, target: changedRequestSchema })
  .meta({ id: "MergeAnswer", description: "The merged request (now Solved as merged) and the request it was merged into." });

const ratingAnswer = z
  .object({ rating: ratingSchema, changed: z.boolean().meta({ description: "True when it replaced an earlier rating." }) })
  .meta({ id: "RatingAnswer" });

// --- Bodies (as the use cases read them) ---------------------------------------------------------

const messageBody = z.string().min(1).max(MAX_REPLY_LENGTH).meta({ description: "Markdown; shown sanitized." });
const attachmentIds = z
  .array(z.string())
  .optional()
  .meta({ description: "Files uploaded ahead (POST /api/attachments) that go with the message." });

const holdFields = {
  holdReason: z
    .enum([...HOLD_REASONS, "other"])
    .optional()
    .meta({ description: "For on_hold: why it waits; `other` with holdReasonText." }),
  holdReasonText: z.string().optional().meta({ description: "For holdReason `other`: the agent's own words." }),
};

const solveFields = {
  solvedReason: z.enum(SOLVED_REASONS_AGENTS_CHOOSE).optional().meta({ description: "For solved: as agreed, or as a bug reported (with its reference, agreed priority and estimated date)." }),
  bugReference: z.string().optional(),
  bugPriority: z.enum(PRIORITY_CODES).optional(),
  bugEta: z.iso.date().optional().meta({ description: "The estimated resolution date (YYYY-MM-DD, end of that day in UTC)." }),
};

const newRequestBody = z
  .object({
    subject: z.string().min(1).max(MAX_SUBJECT_LENGTH),
    description: z.string().min(1).max(MAX_DESCRIPTION_LENGTH).meta({ description: "Markdown; shown sanitized." }),
    priority: z.enum(PRIORITY_CODES),
    organizationId: z.string().optional().meta({ description: "Needed only from a member of several organizations." }),
    ccUserIds: z.array(z.string()).max(MAX_CCS).optional().meta({ description: "Members of the same organization to CC." }),
    attachmentIds,
  })
  .meta({ id: "NewRequest" });

const replyBody = z
  .object({
    body: messageBody,
    attachmentIds,
    then: z
      .enum(STATUSES_AFTER_AGENT_REPLY)
      .optional()
      .meta({ description: "Agents only: the status after the reply (default pending), with its reason fields. A customer's reply makes the request Open." }),
    ...holdFields,
    ...solveFields,
  })
  .meta({ id: "NewMessage" });

const noteBody = z.object({ body: messageBody, attachmentIds }).meta({ id: "NewInternalNote" });

const ccBody = z
  .object({ userId: z.string().optional(), email: z.string().optional() })
  .meta({ id: "NewCc", description: "The person to CC, by id or by email: a member of the request's organization other than the requester." });

const statusBody = z
  .object({ status: z.enum(REQUEST_STATUSES), ...holdFields, ...solveFields })
  .meta({ id: "StatusChange", description: "open or pending as is; on_hold with holdReason; solved with solvedReason." });

const priorityBody = z
  .object({ priority: z.enum(PRIORITY_CODES), reason: z.string().min(1).meta({ description: "Why; the customer sees it in the priority history." }) })
  .meta({ id: "PriorityChange" });

const assignmentBody = z
  .object({ assigneeId: z.string().nullable().meta({ description: "An agent's id, `me`, or null for nobody." }) })
  .meta({ id: "AssignmentChange" });

const mergeBody = z
  .object({
    targetId: z.union([z.number().int(), z.string()]).meta({ description: "The request to merge into, of the same organization." }),
    commentOnMerged: z.string().max(MAX_REPLY_LENGTH).optional().meta({ description: "A public comment left on the merged request." }),
    commentOnTarget: z.string().max(MAX_REPLY_LENGTH).optional().meta({ description: "A public comment left on the target." }),
  })
  .meta({ id: "Merge" });

const ratingBody = z
  .object({
    score: z.enum(SATISFACTION_SCORES),
    comment: z.string().max(MAX_RATING_COMMENT_LENGTH).optional().meta({ description: "Optional; a blank one is none." }),
  })
  .meta({ id: "RatingChange" });

// --- Operations ----------------------------------------------------------------------------------

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

const location = { Location: { description: "Where the created resource is read.", schema: { type: "string" as const } } };

function created(description: string, schema: z.ZodType) {
  const answer = writeAnswer("201", description, schema)["201"] as ZodOpenApiResponseObject;
  return { "201": { ...answer, headers: { ...answer.headers, ...location } } };
}

function onRequest(operation: Omit<ZodOpenApiOperationObject, "requestParams"> & { header?: boolean }): ZodOpenApiOperationObject {
  const { header = true, ...rest } = operation;
  return { ...rest, requestParams: header ? { path: requestIdPath, header: idempotencyHeader } : { path: requestIdPath } };
}

const agentAction = (operationId: string, summary: string, body: z.ZodType, description: string): ZodOpenApiOperationObject =>
  onRequest({
    operationId,
    summary,
    description: `Agents only (anyone else: 404). ${description}`,
    tags: ["Agents"],
    requestBody: json(body),
    responses: { ...writeAnswer("200", "Changed.", requestAnswer), ...commonProblems, ...notFoundProblem, ...writeProblems },
  });

/** A DELETE or a PUT takes no Idempotency-Key (each is idempotent as it is) and races nobody: no 400 nor 409. */
const unkeyedWriteProblems = Object.fromEntries(Object.entries(writeProblems).filter(([status]) => status !== "400" && status !== "409"));

export const requestsWritePaths: ZodOpenApiPathsObject = {
  "/api/v1/requests": {
    post: {
      operationId: "createRequest",
      summary: "Open a request",
      description: "Customers only (an agent is refused `agents_cannot_create`). The channel is recorded as `api`.",
      tags: ["Requests"],
      requestParams: { header: idempotencyHeader },
      requestBody: json(newRequestBody),
      responses: { ...created("The request, opened.", requestAnswer), ...commonProblems, ...writeProblems },
    },
  },
  "/api/v1/requests/{id}/messages": {
    post: onRequest({
      operationId: "postMessage",
      summary: "Reply on a request",
      description:
        "A public reply. From the requester's side it makes a Pending, On-hold or Solved request Open (a Solved one is reopened), as by portal or email. An agent's reply makes it Pending unless `then` says otherwise.",
      tags: ["Requests"],
      requestBody: json(replyBody),
      responses: { ...created("The reply, written.", postedMessageSchema), ...commonProblems, ...notFoundProblem, ...writeProblems },
    }),
  },
  "/api/v1/requests/{id}/ccs": {
    post: onRequest({
      operationId: "addCc",
      summary: "CC someone on a request",
      description: "By the requester or an agent. CC'ing someone already CC'd changes nothing (200).",
      tags: ["Requests"],
      requestBody: json(ccBody),
      responses: {
        ...created("CC'd.", ccAnswer),
        ...writeAnswer("200", "Was CC'd already.", ccAnswer),
        ...commonProblems,
        ...notFoundProblem,
        ...writeProblems,
      },
    }),
  },
  "/api/v1/requests/{id}/ccs/{userId}": {
    delete: {
      operationId: "removeCc",
      summary: "Remove a CC",
      description: "By the requester or an agent. Removing someone who is not CC'd changes nothing.",
      tags: ["Requests"],
      requestParams: { path: requestIdPath.extend({ userId: z.string().meta({ description: "The CC's user id." }) }) },
      responses: { "204": { description: "Not CC'd (any more)." }, ...commonProblems, ...notFoundProblem, ...unkeyedWriteProblems },
    },
  },
  "/api/v1/requests/{id}/solve": {
    post: onRequest({
      operationId: "markSolved",
      summary: "Mark a request as solved",
      description:
        "The requester only (anyone else: 404), on an Open or Pending request: it becomes Solved as agreed, recorded as the requester's. No body. Refused (422) On-hold, Solved or merged.",
      tags: ["Requests"],
      responses: { ...writeAnswer("200", "Solved.", requestAnswer), ...commonProblems, ...notFoundProblem, ...writeProblems },
    }),
  },
  "/api/v1/requests/{id}/rating": {
    put: onRequest({
      operationId: "rateRequest",
      summary: "Rate a solved request",
      description:
        "The requester only (anyone else: 404): good or bad, with an optional comment, on a Solved request, for the configured number of days after the solve; a new rating replaces the last. Refused (422) before the request is Solved, when merged, or after the window closed. Changes neither the status nor the activity.",
      tags: ["Requests"],
      header: false,
      requestBody: json(ratingBody),
      responses: { ...writeAnswer("200", "Rated.", ratingAnswer), ...commonProblems, ...notFoundProblem, ...unkeyedWriteProblems },
    }),
  },
  "/api/v1/requests/{id}/notes": {
    post: onRequest({
      operationId: "addInternalNote",
      summary: "Add an internal note",
      description: "Agents only (anyone else: 404). Never shown to customers; changes no status.",
      tags: ["Agents"],
      requestBody: json(noteBody),
      responses: { ...created("The note, written.", postedMessageSchema), ...commonProblems, ...notFoundProblem, ...writeProblems },
    }),
  },
  "/api/v1/requests/{id}/status": {
    post: agentAction("setStatus", "Set a request's status", statusBody, "Open or Pending as is, On-hold with a reason, Solved with a resolution; the workflow's rules decide."),
  },
  "/api/v1/requests/{id}/priority": {
    post: agentAction("setPriority", "Change a request's priority", priorityBody, "With a reason the customer sees."),
  },
  "/api/v1/requests/{id}/assignment": {
    post: agentAction("assignRequest", "Assign a request", assignmentBody, "To an agent, to the caller (`me`), or to nobody (null)."),
  },
  "/api/v1/requests/{id}/merge": {
    post: onRequest({
      operationId: "mergeRequest",
      summary: "Merge a request into another",
      description: "Agents only (anyone else: 404). The request becomes Solved (merged) and the conversation continues on the target, of the same organization.",
      tags: ["Agents"],
      requestBody: json(mergeBody),
      responses: { ...writeAnswer("200", "Merged.", mergeAnswer), ...commonProblems, ...notFoundProblem, ...writeProblems },
    }),
  },
};
