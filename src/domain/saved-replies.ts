// Saved replies (docs/product.md §8): canned answers agents keep and insert into a reply. Placeholders
// are filled from the request the reply is for; one the portal does not know is left as written, so a
// typo shows in the composer instead of vanishing.

export const MAX_SAVED_REPLY_TITLE_LENGTH = 120;

/** The placeholders a saved reply may use, with what each is filled from. */
export const SAVED_REPLY_PLACEHOLDERS = ["requester.name", "request.number"] as const;
export type SavedReplyPlaceholder = (typeof SAVED_REPLY_PLACEHOLDERS)[number];

export interface SavedReplyContext {
  requesterName: string;
  requestNumber: number;
}

const PLACEHOLDER = /\{\{\s*([a-z]+\.[a-z]+)\s*\}\}/gi;

/** The saved reply's text for one request: `{{requester.name}}` and `{{request.number}}` filled in. */
export function fillSavedReply(body: string, context: SavedReplyContext): string {
  const values: Record<SavedReplyPlaceholder, string> = {
    "requester.name": context.requesterName,
    "request.number": String(context.requestNumber),
  };
  return body.replace(PLACEHOLDER, (written, name: string) => (Object.hasOwn(values, name) ? values[name as SavedReplyPlaceholder] : written));
}
