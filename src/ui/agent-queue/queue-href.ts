import type { PriorityCode, RequestStatus, SlaState } from "@/domain";
import type { QueueViewFilter } from "@/domain/queue-views";
import { defaultOrder, type QueueSort } from "@/schemas/agent-queue";

/** The choices that make a queue view; cursors are per link, never carried over. */
export interface QueueView {
  q: string;
  /** As the URL asked; empty means the unsolved statuses. */
  status: RequestStatus[];
  priority: PriorityCode[];
  organization?: string;
  /** Part of an organization's name, where the organizations are too many to list. */
  organizationName?: string;
  assignee?: string;
  sla?: SlaState;
  sort: QueueSort;
  /** Unset: the sort's own default. */
  order?: "asc" | "desc";
}

export const DEFAULT_QUEUE_VIEW: QueueView = { q: "", status: [], priority: [], sort: "due" };

/** A page link's cursor, with where that page starts (for "26–50 of 312"). */
export type QueueCursor = ({ after: string } | { before: string }) & { start?: number };

/** The URL of a view: only the choices that differ from the default, so the plain queue stays `/agent`. */
export function queueHref(view: QueueView, cursor?: QueueCursor): string {
  const query = new URLSearchParams();
  if (view.q) query.set("q", view.q);
  if (view.status.length > 0) query.set("status", view.status.join(","));
  if (view.priority.length > 0) query.set("priority", view.priority.join(","));
  if (view.organization) query.set("organization", view.organization);
  if (view.organizationName) query.set("organizationName", view.organizationName);
  if (view.assignee) query.set("assignee", view.assignee);
  if (view.sla) query.set("sla", view.sla);
  if (view.sort !== DEFAULT_QUEUE_VIEW.sort) query.set("sort", view.sort);
  if (view.order) query.set("order", view.order);
  if (cursor && "after" in cursor) query.set("after", cursor.after);
  if (cursor && "before" in cursor) query.set("before", cursor.before);
  if (cursor?.start && cursor.start > 1) query.set("start", String(cursor.start));
  const search = query.toString();
  return search ? `/agent?${search}` : "/agent";
}

export function isFiltered(view: QueueView): boolean {
  return view.q !== "" || view.status.length > 0 || view.priority.length > 0 || Boolean(view.organization ?? view.organizationName ?? view.assignee ?? view.sla);
}

/**
 * A sortable column header's link: the column's sort, or the other order when it is the current one
 * (the first click takes the sort's own default: soonest due first, newest first by date).
 */
export function sortHref(view: QueueView, sort: QueueSort, currentOrder: "asc" | "desc"): string {
  if (view.sort !== sort) return queueHref({ ...view, sort, order: undefined });
  const order = currentOrder === "asc" ? "desc" : "asc";
  return queueHref({ ...view, order: order === defaultOrder(sort) ? undefined : order });
}

/** The saved view's link: its filters over the unsolved statuses, in the current sort. */
export function savedViewHref(view: QueueView, filter: QueueViewFilter): string {
  return queueHref({ ...DEFAULT_QUEUE_VIEW, sort: view.sort, order: view.order, ...filter });
}
