import { z } from "zod";
import { PRIORITY_CODES, REQUEST_STATUSES, SLA_STATES, STATUSES_WITHOUT_REASON, type StatusWithoutReason } from "@/domain";
import { choiceParam, cursorParam, firstParam, idParam, listParam, searchParam, textParam } from "./list-params";
import { requestIdSchema } from "./request-id";

export const QUEUE_SORTS = ["due", "activity", "created"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** The agent queue's view, from the URL's search parameters. */
export const agentQueueParamsSchema = z.object({
  q: searchParam,
  /** Empty means what support still has to do (the domain's `UNSOLVED_STATUSES`). */
  status: listParam(REQUEST_STATUSES),
  priority: listParam(PRIORITY_CODES),
  organization: idParam,
  /** Part of an organization's name, typed where the organizations are too many to list (see listQueue). */
  organizationName: textParam,
  /** A user id, "me" or "unassigned". */
  assignee: idParam,
  sla: choiceParam(SLA_STATES),
  sort: choiceParam(QUEUE_SORTS).transform((sort) => sort ?? "due"),
  /** Unset: the sort's own default (soonest due first; newest first by date). */
  order: choiceParam(["asc", "desc"] as const),
  after: cursorParam,
  before: cursorParam,
  /**
   * Where the page starts in the list (1 for the first), carried by the page links so the page can
   * say "26–50 of 312": a keyset page does not know its position otherwise. Only for that caption.
   */
  start: firstParam.transform((raw) => {
    const start = raw && /^\d{1,7}$/.test(raw) ? Number(raw) : 1;
    return start >= 1 ? start : 1;
  }),
});

export type AgentQueueParams = z.infer<typeof agentQueueParamsSchema>;

export function defaultOrder(sort: QueueSort): "asc" | "desc" {
  return sort === "due" ? "asc" : "desc";
}

/** The most requests one bulk change takes: a few pages of the queue. */
export const MAX_BULK_REQUESTS = 100;

/** A checkbox sent once is a string, sent many times a list: always a list here. */
const asList = (value: unknown) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]);

export type BulkQueueChange =
  | { change: "assign"; requestIds: number[]; assigneeId: string | null }
  | { change: "status"; requestIds: number[]; status: StatusWithoutReason };

/**
 * A change to the queue's selected requests: assign them ("me", an agent's id, or "" for nobody),
 * or set a status that needs no reason (On-hold and Solved are refused: they need one). Each request
 * is then changed as on its own page.
 */
export const bulkQueueChangeSchema = z
  .object({
    change: z.enum(["assign", "status"]),
    requestIds: z.preprocess(asList, z.array(requestIdSchema).min(1, { error: "none_selected" }).max(MAX_BULK_REQUESTS, { error: "too_many" })),
    assigneeId: z
      .string()
      .optional()
      .transform((value) => (value?.trim() ? value.trim() : null)),
    status: z.string().optional(),
  })
  .transform((input, context): BulkQueueChange => {
    const { requestIds } = input;
    if (input.change === "assign") return { change: "assign", requestIds, assigneeId: input.assigneeId };
    const status = STATUSES_WITHOUT_REASON.find((allowed) => allowed === input.status);
    if (status) return { change: "status", requestIds, status };
    context.addIssue({ code: "custom", path: ["status"], message: "status_needs_reason" });
    return z.NEVER;
  });
