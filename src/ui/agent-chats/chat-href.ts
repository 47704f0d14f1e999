/** The console's Chats page. */
export const CHATS_PATH = "/agent/chats";

/** One chat in the console. */
export function chatHref(chatId: string): string {
  return `${CHATS_PATH}/${encodeURIComponent(chatId)}`;
}
