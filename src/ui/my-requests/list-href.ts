import type { PriorityCode, RequestStatus } from "@/domain";
import type { RequestListParams, RequestScope } from "@/schemas/request-list";

/** The choices that make a My Requests view; cursors are per link, never carried over. */
export interface ListView {
  q: string;
  scope: RequestScope;
  status: RequestStatus[];
  priority: PriorityCode[];
  sort: RequestListParams["sort"];
  order: RequestListParams["order"];
}

export const DEFAULT_VIEW: ListView = { q: "", scope: "mine", status: [], priority: [], sort: "activity", order: "desc" };

/**
 * The URL of a view: only the choices that differ from the default, so the plain list stays
 * `/requests` and every link reproduces exactly the view it names.
 */
export function listHref(view: ListView, cursor?: { after: string } | { before: string }): string {
  const query = new URLSearchParams();
  if (view.q) query.set("q", view.q);
  if (view.scope !== DEFAULT_VIEW.scope) query.set("scope", view.scope);
  if (view.status.length > 0) query.set("status", view.status.join(","));
  if (view.priority.length > 0) query.set("priority", view.priority.join(","));
  if (view.sort !== DEFAULT_VIEW.sort) query.set("sort", view.sort);
  if (view.order !== DEFAULT_VIEW.order) query.set("order", view.order);
  if (cursor && "after" in cursor) query.set("after", cursor.after);
  if (cursor && "before" in cursor) query.set("before", cursor.before);
  const search = query.toString();
  return search ? `/requests?${search}` : "/requests";
}

/** The page's raw search parameters as a query string, to come back to the same view after sign-in. */
export function rawQueryString(searchParams: Record<string, string | string[] | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, item);
  }
  const search = query.toString();
  return search ? `?${search}` : "";
}
