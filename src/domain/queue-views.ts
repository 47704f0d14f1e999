import type { SlaState } from "./sla";

// The agent queue's saved views (docs/product.md §4): one click to the requests an agent works
// through most, each with a live count. Every view is over the unsolved statuses; each adds one
// filter, an assignee or a service-level state, so that its count is one index range.

export const QUEUE_VIEWS = ["mine", "unassigned", "breached", "due_soon", "unsolved"] as const;
export type QueueViewName = (typeof QUEUE_VIEWS)[number];

export interface QueueViewFilter {
  assignee?: "me" | "unassigned";
  sla?: Extract<SlaState, "breached" | "due_soon">;
}

export const QUEUE_VIEW_FILTERS: Record<QueueViewName, QueueViewFilter> = {
  mine: { assignee: "me" },
  unassigned: { assignee: "unassigned" },
  breached: { sla: "breached" },
  due_soon: { sla: "due_soon" },
  unsolved: {},
};

/** The filters of a queue page, as far as the views are concerned. */
export interface QueueFilterChoice {
  q: string;
  status: readonly string[];
  priority: readonly string[];
  organization?: string;
  organizationName?: string;
  assignee?: string;
  sla?: SlaState;
}

/** The saved view a page shows exactly (any sort), or null when its filters are another mix. */
export function currentQueueView(choice: QueueFilterChoice): QueueViewName | null {
  if (choice.q !== "" || choice.status.length > 0 || choice.priority.length > 0 || choice.organization || choice.organizationName) return null;
  return QUEUE_VIEWS.find((name) => QUEUE_VIEW_FILTERS[name].assignee === choice.assignee && QUEUE_VIEW_FILTERS[name].sla === choice.sla) ?? null;
}
