import { z } from "zod";
import { PRIORITY_CODES, REQUEST_STATUSES, SLA_STATES } from "@/domain";
import { choiceParam, cursorParam, idParam, listParam, searchParam } from "./list-params";

export const QUEUE_SORTS = ["due", "activity", "created"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** The agent queue's view, from the URL's search parameters. */
export const agentQueueParamsSchema = z.object({
  q: searchParam,
  /** Empty means what support still has to do (the domain's `UNSOLVED_STATUSES`). */
  status: listParam(REQUEST_STATUSES),
  priority: listParam(PRIORITY_CODES),
  organization: idParam,
  /** A user id, "me" or "unassigned". */
  assignee: idParam,
  sla: choiceParam(SLA_STATES),
  sort: choiceParam(QUEUE_SORTS).transform((sort) => sort ?? "due"),
  /** Unset: the sort's own default (soonest due first; newest first by date). */
  order: choiceParam(["asc", "desc"] as const),
  after: cursorParam,
  before: cursorParam,
});

export type AgentQueueParams = z.infer<typeof agentQueueParamsSchema>;

export function defaultOrder(sort: QueueSort): "asc" | "desc" {
  return sort === "due" ? "asc" : "desc";
}
