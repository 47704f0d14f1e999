export const PEOPLE_PATH = "/agent/people";

/** The URL of a People view: the search, and the cursor of one page; the plain list stays `/agent/people`. */
export function peopleHref(view: { q: string }, cursor?: { after: string } | { before: string }): string {
  const query = new URLSearchParams();
  if (view.q) query.set("q", view.q);
  if (cursor && "after" in cursor) query.set("after", cursor.after);
  if (cursor && "before" in cursor) query.set("before", cursor.before);
  const search = query.toString();
  return search ? `${PEOPLE_PATH}?${search}` : PEOPLE_PATH;
}
