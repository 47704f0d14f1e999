import type { AuditTrailEventType } from "@/schemas/audit-trail";

export const AUDIT_PATH = "/agent/audit";

export interface AuditView {
  type?: AuditTrailEventType;
  q: string;
}

/** The URL of an audit trail view: its filters, and the cursor of one page; unfiltered it stays `/agent/audit`. */
export function auditHref(view: AuditView, cursor?: { after: string } | { before: string }): string {
  const query = new URLSearchParams();
  if (view.type) query.set("type", view.type);
  if (view.q) query.set("q", view.q);
  if (cursor && "after" in cursor) query.set("after", cursor.after);
  if (cursor && "before" in cursor) query.set("before", cursor.before);
  const search = query.toString();
  return search ? `${AUDIT_PATH}?${search}` : AUDIT_PATH;
}

export function isAuditFiltered(view: AuditView): boolean {
  return view.type !== undefined || view.q !== "";
}
