import type { IncomingMailFilter, MailView, OutgoingMailFilter } from "@/schemas/agent-mail";

export const MAIL_PATH = "/agent/mail";

export type MailListView = { view: "outgoing"; status: OutgoingMailFilter } | { view: "incoming"; status: IncomingMailFilter } | { view: "undeliverable" };

const DEFAULT_STATUS: Record<Exclude<MailView, "undeliverable">, string> = { outgoing: "all", incoming: "held" };

/** The URL of a Mail view: its section, its status filter and the cursor of one page; defaults are left out, so the plain page stays `/agent/mail`. */
export function mailHref(view: MailListView, cursor?: { after: string } | { before: string }): string {
  const query = new URLSearchParams();
  if (view.view !== "outgoing") query.set("view", view.view);
  if (view.view !== "undeliverable" && view.status !== DEFAULT_STATUS[view.view]) query.set("status", view.status);
  if (cursor && "after" in cursor) query.set("after", cursor.after);
  if (cursor && "before" in cursor) query.set("before", cursor.before);
  const search = query.toString();
  return search ? `${MAIL_PATH}?${search}` : MAIL_PATH;
}

export const outgoingMailHref = (id: string) => `${MAIL_PATH}/outgoing/${encodeURIComponent(id)}`;
export const incomingMailHref = (id: string) => `${MAIL_PATH}/incoming/${encodeURIComponent(id)}`;
export const incomingRawHref = (id: string) => `${incomingMailHref(id)}/raw`;
