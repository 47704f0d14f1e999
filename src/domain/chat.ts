import { MINUTE } from "./clock";
import { refuse, type Result } from "./refusal";
import type { Actor } from "./visibility";

// Live chat (docs/product.md §6): a customer starts a chat about a new topic or about one of their
// requests; it waits for an agent, who accepts it (and the request with it), and ends when either side
// ends it or nobody writes for a while. The request-side effects — a new request by chat, a Solved one
// reopened — are the workflow's own `chat_started` command (transitions.ts).

export type ChatStatus = "waiting" | "active" | "ended";
export type ChatEndedBy = "customer" | "agent" | "idle";

/** How recently an agent's console must have said "Available" for them to count as available. */
export const CHAT_PRESENCE_WINDOW_MS = MINUTE;
/** How often an available agent's console says so: well inside the window, so one missed beat does not count them away. */
export const CHAT_PRESENCE_BEAT_MS = 20_000;
/** A chat nobody wrote in for this long ends by itself (configurable: CHAT_IDLE_MINUTES). */
export const DEFAULT_CHAT_IDLE_MS = 15 * MINUTE;
export const MAX_CHAT_MESSAGE_LENGTH = 4_000;
/** A new request by chat takes its subject from the first message. */
export const CHAT_SUBJECT_LENGTH = 80;

export interface ChatPresence {
  chatAvailable: boolean;
  chatSeenAt: Date | null;
}

/** Available: the switch says so, and the console said it within the last minute (a closed laptop stops counting). */
export function isAvailableForChat(presence: ChatPresence, now: Date): boolean {
  return presence.chatAvailable && presence.chatSeenAt !== null && now.getTime() - presence.chatSeenAt.getTime() <= CHAT_PRESENCE_WINDOW_MS;
}

/** The oldest "seen" time that still counts, for a query over every agent. */
export function chatPresenceSince(now: Date): Date {
  return new Date(now.getTime() - CHAT_PRESENCE_WINDOW_MS);
}

export interface ChatParties {
  status: ChatStatus;
  startedById: string;
  agentId: string | null;
}

export type ChatRefusalCode =
  | "agents_do_not_start_chats"
  | "merged_request"
  | "nobody_available"
  | "chat_ended"
  | "not_waiting"
  | "not_in_chat"
  | "transfer_to_self"
  | "transfer_to_unavailable";

type Check = Result<object, ChatRefusalCode>;
const allowed: Check = { ok: true };

/**
 * A customer may start a chat when an agent is available; about a request, only one that is not
 * merged — the conversation continues on the request it was merged into.
 */
export function checkChatStart(actor: Actor, request: { mergedIntoId: number | null } | null, anyAgentAvailable: boolean): Check {
  if (actor.isAgent || actor.isAutomation) return refuse("agents_do_not_start_chats", "Agents take chats; customers start them.");
  if (request?.mergedIntoId != null) return refuse("merged_request", `This request was merged into #${request.mergedIntoId}; chat about that one.`);
  if (!anyAgentAvailable) return refuse("nobody_available", "No one is available to chat right now.");
  return allowed;
}

/** Who speaks for which side: the customer who started it, and the agent who holds it. */
export function chatSide(actor: Actor, chat: ChatParties): "customer" | "agent" | null {
  if (actor.isAgent) return chat.agentId === actor.userId ? "agent" : null;
  return chat.startedById === actor.userId ? "customer" : null;
}

/** Any agent may accept a waiting chat; the first one to do so holds it. */
export function checkAccept(actor: Actor, chat: ChatParties): Check {
  if (!actor.isAgent) return refuse("not_in_chat", "Only agents accept chats.");
  if (chat.status === "ended") return refuse("chat_ended", "This chat has ended.");
  if (chat.status !== "waiting") return refuse("not_waiting", "Another agent has already accepted this chat.");
  return allowed;
}

/** The customer writes while waiting or with an agent; the agent once they hold it. */
export function checkChatMessage(actor: Actor, chat: ChatParties): Check {
  if (chat.status === "ended") return refuse("chat_ended", "This chat has ended.");
  if (chatSide(actor, chat) === null) return refuse("not_in_chat", "Only the customer and the agent who holds the chat write in it.");
  return allowed;
}

/** Either side ends it; the automation ends it when idle. */
export function checkChatEnd(actor: Actor, chat: ChatParties): Check {
  if (chat.status === "ended") return refuse("chat_ended", "This chat has ended.");
  if (chatSide(actor, chat) === null) return refuse("not_in_chat", "Only the customer and the agent who holds the chat end it.");
  return allowed;
}

/** The agent holding a chat hands it to another available agent. */
export function checkTransfer(actor: Actor, chat: ChatParties, to: { id: string; available: boolean }): Check {
  if (chat.status === "ended") return refuse("chat_ended", "This chat has ended.");
  if (chatSide(actor, chat) !== "agent") return refuse("not_in_chat", "Only the agent who holds the chat transfers it.");
  if (to.id === actor.userId) return refuse("transfer_to_self", "Choose another agent.");
  if (!to.available) return refuse("transfer_to_unavailable", "That agent is not available for chats.");
  return allowed;
}

/** Still open, and nobody wrote for `idleMs`. */
export function isChatIdle(chat: { status: ChatStatus; lastMessageAt: Date }, now: Date, idleMs: number): boolean {
  return chat.status !== "ended" && now.getTime() - chat.lastMessageAt.getTime() >= idleMs;
}

/** The subject of a request opened by chat: the first line of the first message, shortened at a word. */
export function chatSubject(firstMessage: string): string {
  const line = firstMessage.trim().split(/\r?\n/, 1)[0]?.trim() ?? "";
  if (line.length <= CHAT_SUBJECT_LENGTH) return line;
  const cut = line.slice(0, CHAT_SUBJECT_LENGTH - 1);
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > CHAT_SUBJECT_LENGTH / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}
