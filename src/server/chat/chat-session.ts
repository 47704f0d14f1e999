import "server-only";
import type { ChatParties, ChatStatus } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import { notFound, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { findRequestFor } from "@/server/requests/request-gate";

// A chat is reached through its request: whoever may not see the request does not find the chat
// either (the same 404), whatever they know of its id.

export const chatSelect = {
  id: true,
  requestId: true,
  status: true,
  startedById: true,
  agentId: true,
  startedAt: true,
  lastMessageAt: true,
  startedBy: { select: { name: true, email: true } },
  agent: { select: { name: true } },
} as const satisfies Prisma.ChatSessionSelect;

export type ChatRow = Prisma.ChatSessionGetPayload<{ select: typeof chatSelect }>;

export async function findChatFor(db: Prisma.TransactionClient, viewer: Reader, chatId: string): Promise<Outcome<{ chat: ChatRow; parties: ChatParties }>> {
  const chat = await db.chatSession.findUnique({ where: { id: chatId }, select: chatSelect });
  if (!chat) return notFound();
  const opened = await findRequestFor(db, viewer, chat.requestId, { select: { id: true } });
  if (!opened.ok) return notFound();
  return { ok: true, chat, parties: partiesOf(chat) };
}

export function partiesOf(chat: { status: ChatStatus; startedById: string; agentId: string | null }): ChatParties {
  return { status: chat.status, startedById: chat.startedById, agentId: chat.agentId };
}
