import "server-only";
import type { ChatStatus } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import { notFound, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { findRequestFor } from "@/server/requests/request-gate";
import { streamLogEnd } from "@/server/realtime/stream-events";
import { findChatFor } from "./chat-session";

// What the chat pages show. A chat panel starts from the stored lines and follows the request's
// stream after `after`: the stream's position is read before the lines, so a line written in between
// is in both (the panel keeps one, by id) and never in neither.

export interface ChatLine {
  id: string;
  body: string;
  side: "customer" | "agent";
  authorName: string;
  sentAt: Date;
}

export interface ChatView {
  id: string;
  requestId: number;
  status: ChatStatus;
  startedAt: Date;
  customerName: string;
  agentName: string | null;
  lines: ChatLine[];
  /** The stream event id the panel follows from (Last-Event-ID), as a string. */
  after: string;
}

async function streamPosition(db: Database): Promise<string> {
  return String(await streamLogEnd(db));
}

async function chatView(db: Database, chatId: string, after: string): Promise<ChatView | null> {
  const chat = await db.chatSession.findUnique({
    where: { id: chatId },
    select: {
      id: true,
      requestId: true,
      status: true,
      startedAt: true,
      startedById: true,
      startedBy: { select: { name: true } },
      agent: { select: { name: true } },
      messages: { select: { id: true, body: true, sentAt: true, authorId: true, author: { select: { name: true } } }, orderBy: [{ sentAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!chat) return null;
  return {
    id: chat.id,
    requestId: chat.requestId,
    status: chat.status,
    startedAt: chat.startedAt,
    customerName: chat.startedBy.name,
    agentName: chat.agent?.name ?? null,
    lines: chat.messages.map((line) => ({ id: line.id, body: line.body, sentAt: line.sentAt, authorName: line.author.name, side: line.authorId === chat.startedById ? "customer" : "agent" })),
    after,
  };
}

/** The customer's chat still going on about this request, if any: the request page shows it live. */
export async function findOpenChatOf(db: Database, viewer: Reader, requestId: number): Promise<ChatView | null> {
  if (viewer.actor.isAgent) return null;
  const after = await streamPosition(db);
  const open = await db.chatSession.findFirst({
    where: { requestId, startedById: viewer.actor.userId, status: { not: "ended" } },
    select: { id: true },
    orderBy: { startedAt: "desc" },
  });
  if (!open || !(await findRequestFor(db, viewer, requestId, { select: { id: true } })).ok) return null;
  return chatView(db, open.id, after);
}

/** A chat for the agent console: any agent may look; only the one holding it writes. */
export async function getChatForAgent(db: Database, viewer: Reader, chatId: string): Promise<Outcome<{ chat: ChatView; holdsIt: boolean }>> {
  if (!viewer.actor.isAgent) return notFound();
  const after = await streamPosition(db);
  const found = await findChatFor(db, viewer, chatId);
  if (!found.ok) return found;
  const chat = await chatView(db, chatId, after);
  if (!chat) return notFound();
  return { ok: true, chat, holdsIt: found.chat.agentId === viewer.actor.userId && found.chat.status === "active" };
}

export interface ChatSummary {
  id: string;
  requestId: number;
  subject: string;
  requestStatus: string;
  customerName: string;
  organizationName: string;
  startedAt: Date;
  lastMessageAt: Date;
  firstLine: string | null;
}

/** The console's Chats page: waiting chats oldest first, and the viewer's own. */
export async function listChatsForAgent(db: Database, viewer: Reader): Promise<Outcome<{ waiting: ChatSummary[]; mine: ChatSummary[]; after: string }>> {
  if (!viewer.actor.isAgent) return notFound();
  const after = await streamPosition(db);
  const select = {
    id: true,
    requestId: true,
    startedAt: true,
    lastMessageAt: true,
    startedBy: { select: { name: true } },
    request: { select: { subject: true, status: true, organization: { select: { name: true } } } },
    messages: { select: { body: true }, orderBy: [{ sentAt: "asc" }, { id: "asc" }], take: 1 },
  } satisfies Prisma.ChatSessionSelect;
  const [waiting, mine] = await Promise.all([
    db.chatSession.findMany({ where: { status: "waiting" }, select, orderBy: [{ startedAt: "asc" }, { id: "asc" }], take: 200 }),
    db.chatSession.findMany({ where: { status: "active", agentId: viewer.actor.userId }, select, orderBy: [{ startedAt: "asc" }, { id: "asc" }] }),
  ]);
  const summary = (chat: (typeof waiting)[number]): ChatSummary => ({
    id: chat.id,
    requestId: chat.requestId,
    subject: chat.request.subject,
    requestStatus: chat.request.status,
    customerName: chat.startedBy.name,
    organizationName: chat.request.organization.name,
    startedAt: chat.startedAt,
    lastMessageAt: chat.lastMessageAt,
    firstLine: chat.messages[0]?.body ?? null,
  });
  return { ok: true, waiting: waiting.map(summary), mine: mine.map(summary), after };
}

/** How many chats wait, for the console's navigation. */
export async function countWaitingChats(db: Database): Promise<number> {
  return db.chatSession.count({ where: { status: "waiting" } });
}
