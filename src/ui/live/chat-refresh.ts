// Which chat events change a console page (docs/realtime.md). A chat's start, its taking, its handing
// over and its end change what the console lists. A chat line only moves its request's last activity
// (no rule of the workflow depends on it), so it changes a page that shows that request, one ordered
// by activity, or one searched (the line's words may bring a request in); on any other page it would
// make a refresh that shows nothing new.

/** The chat events that change what the console lists, whatever its page. */
const LISTED_KINDS = new Set(["waiting", "joined", "transferred", "ended"]);

/** Whose chat lines change the page: every request's, or only the requests it shows. */
export type ChatLinesFrom = "every request" | readonly number[];

export interface ChatEvent {
  requestId?: number;
  kind?: string;
  subject?: string;
}

/** Whether a chat event refreshes a console page that follows the lines of `linesFrom`. */
export function chatEventChangesPage(chat: ChatEvent, linesFrom: ChatLinesFrom): boolean {
  if (chat.kind !== undefined && LISTED_KINDS.has(chat.kind)) return true;
  if (chat.kind !== "message") return false;
  return linesFrom === "every request" || (chat.requestId !== undefined && linesFrom.includes(chat.requestId));
}

/** The queue page's chat lines: every request's when it is ordered by activity or searched, else its rows'. */
export function queueChatLines(view: { sort: string; q?: string | null }, shownRequestIds: readonly number[]): ChatLinesFrom {
  return view.sort === "activity" || view.q ? "every request" : shownRequestIds;
}
