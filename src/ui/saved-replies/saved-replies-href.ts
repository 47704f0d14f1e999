/** The saved replies' pages in the agent console. */
export const SAVED_REPLIES_PATH = "/agent/saved-replies";

export const savedReplyHref = (id: string) => `${SAVED_REPLIES_PATH}/${encodeURIComponent(id)}`;
