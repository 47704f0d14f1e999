import "server-only";
import { checkAccept, checkChatEnd, checkChatMessage, checkTransfer, chatSide, isAvailableForChat, type ChatEndedBy } from "@/domain";
import { chatMessageSchema, chatRefSchema, transferChatSchema } from "@/schemas/chat";
import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import { enqueueChatTranscript } from "@/server/mail/chat-transcript";
import { notFound, refused, type Outcome } from "@/server/outcome";
import type { Viewer } from "@/server/people/viewer";
import type { TypingSignal } from "@/server/realtime/hub";
import { recordChatEvent, recordRequestChanged } from "@/server/realtime/stream-events";
import { changeRequest, type Transaction } from "@/server/requests/change-request";
import { defineUseCase } from "@/server/use-case";
import { chatSelect, findChatFor, type ChatRow } from "./chat-session";

// What happens in a chat once it is started (docs/realtime.md, "Chat"). Each change is stored first,
// with its stream event in the same transaction: a browser learns of a message only once it exists,
// and one that reconnects reads it from the log. Taking and handing over a chat assigns its request
// through the request's own change (the event log and the notifications follow).

/** A line in the chat, from the customer who started it or the agent who holds it. */
export const sendChatMessage = defineUseCase({
  input: chatMessageSchema,
  identifies: ["chatId"],
  run: async (db: Database, viewer: Viewer, { chatId, body, clientId }): Promise<Outcome<{ requestId: number; messageId: string }>> =>
    db.$transaction(async (tx) => {
      const found = await findChatFor(tx, viewer, chatId);
      if (!found.ok) return found;
      const { chat, parties } = found;
      const allowed = checkChatMessage(viewer.actor, parties);
      if (!allowed.ok) return chatSide(viewer.actor, parties) === null && chat.status !== "ended" ? notFound() : refused(allowed.refusal);
      const side = chatSide(viewer.actor, parties) ?? "customer";
      // The chat's row is locked first, so its lines are written one after the other, each later than
      // the one before even when two instances' clocks disagree: the transcript's order is the stream's.
      // Under the lock the chat must still be open, and still the agent's (not ended or handed over since).
      const holder = side === "agent" ? viewer.actor.userId : null;
      const [locked] = await tx.$queryRaw<Array<{ at: Date }>>`
        UPDATE "ChatSession" SET "lastMessageAt" = GREATEST("lastMessageAt" + interval '1 millisecond', ${viewer.now})
        WHERE id = ${chatId} AND status <> 'ended' AND (${holder}::text IS NULL OR "agentId" = ${holder})
        RETURNING "lastMessageAt" AS at`;
      if (!locked) return refused({ code: "chat_ended", message: "This chat has ended." });
      // A send retried after an answer that never arrived: the line is already there, once.
      if (clientId) {
        const sent = await tx.chatMessage.findUnique({ where: { sessionId_authorId_clientId: { sessionId: chatId, authorId: viewer.actor.userId, clientId } }, select: { id: true } });
        if (sent) return { ok: true, requestId: chat.requestId, messageId: sent.id };
      }
      const now = locked.at;
      const author = await tx.user.findUniqueOrThrow({ where: { id: viewer.actor.userId }, select: { name: true } });
      const line = await tx.chatMessage.create({ data: { sessionId: chatId, authorId: viewer.actor.userId, body, sentAt: now, clientId: clientId || null }, select: { id: true } });
      // The request's activity, without a new version: no rule of the workflow depends on a chat line.
      await tx.request.updateMany({ where: { id: chat.requestId, lastActivityAt: { lt: now } }, data: { lastActivityAt: now } });
      await recordChatEvent(tx, chat.requestId, {
        kind: "message",
        chatId,
        message: { id: line.id, body, side, authorName: author.name, sentAt: now.toISOString(), clientId: clientId ?? null },
      });
      return { ok: true, requestId: chat.requestId, messageId: line.id };
    }),
});

/** "Typing…": for the chat's two sides only, and never stored (the route publishes it). */
export const chatTyping = defineUseCase({
  input: chatRefSchema,
  identifies: ["chatId"],
  run: async (db: Database, viewer: Viewer, { chatId }): Promise<Outcome<{ signal: TypingSignal }>> => {
    const found = await findChatFor(db, viewer, chatId);
    if (!found.ok) return found;
    const side = chatSide(viewer.actor, found.parties);
    if (side === null || found.chat.status === "ended") return notFound();
    const name = side === "customer" ? found.chat.startedBy.name : (found.chat.agent?.name ?? "");
    return { ok: true, signal: { requestId: found.chat.requestId, chatId, side, name } };
  },
});

/** The customer or the agent ends the chat; its transcript joins the request's thread (and is mailed). */
export const endChat = defineUseCase({
  input: chatRefSchema,
  identifies: ["chatId"],
  run: async (db: Database, viewer: Viewer, { chatId }): Promise<Outcome<{ requestId: number }>> =>
    db.$transaction(async (tx) => {
      const found = await findChatFor(tx, viewer, chatId);
      if (!found.ok) return found;
      const allowed = checkChatEnd(viewer.actor, found.parties);
      if (!allowed.ok) return chatSide(viewer.actor, found.parties) === null && found.chat.status !== "ended" ? notFound() : refused(allowed.refusal);
      const endedBy = chatSide(viewer.actor, found.parties) ?? "customer";
      if (!(await closeChat(tx, found.chat, endedBy, viewer.now))) return refused({ code: "chat_ended", message: "This chat has ended." });
      return { ok: true, requestId: found.chat.requestId };
    }),
});

/** Chats nobody wrote in for `idleMs` end by themselves (the automation); returns how many. */
export async function endIdleChats(db: Database, now: Date, idleMs: number): Promise<number> {
  const idle = await db.chatSession.findMany({
    where: { status: { not: "ended" }, lastMessageAt: { lte: new Date(now.getTime() - idleMs) } },
    select: { id: true },
    orderBy: { lastMessageAt: "asc" },
    take: 500,
  });
  let ended = 0;
  for (const { id } of idle) {
    const closed = await db.$transaction(async (tx) => {
      const chat = await tx.chatSession.findUnique({ where: { id }, select: chatSelect });
      // Only if still idle now: a line written since the chat was picked keeps it open.
      return chat ? closeChat(tx, chat, "idle", now, { lastMessageAt: { lte: new Date(now.getTime() - idleMs) } }) : false;
    });
    if (closed) ended++;
  }
  return ended;
}

/** Ends the chat if nobody else did first; false when it had already ended. */
async function closeChat(tx: Transaction, chat: ChatRow, endedBy: ChatEndedBy, now: Date, still: Prisma.ChatSessionWhereInput = {}): Promise<boolean> {
  const { count } = await tx.chatSession.updateMany({ where: { ...still, id: chat.id, status: { not: "ended" } }, data: { status: "ended", endedAt: now, endedBy } });
  if (count === 0) return false;
  await recordChatEvent(tx, chat.requestId, { kind: "ended", chatId: chat.id, endedBy });
  // The request page shows the transcript in its thread now.
  await recordRequestChanged(tx, { requestId: chat.requestId, internal: false, data: { chatId: chat.id } });
  await enqueueChatTranscript(tx, { chatId: chat.id, now });
  return true;
}

class ChatTaken extends Error {}

/** An agent takes a waiting chat: it is theirs, and so is its request. */
export const acceptChat = defineUseCase({
  input: chatRefSchema,
  identifies: ["chatId"],
  run: async (db: Database, viewer: Viewer, { chatId }): Promise<Outcome<{ requestId: number }>> => {
    if (!viewer.actor.isAgent) return notFound();
    const found = await findChatFor(db, viewer, chatId);
    if (!found.ok) return found;
    const allowed = checkAccept(viewer.actor, found.parties);
    if (!allowed.ok) return refused(allowed.refusal);
    return handOver(db, viewer, found.chat, viewer.actor.userId, "joined", { status: "waiting" }, { code: "not_waiting", message: "Another agent has already accepted this chat." });
  },
});

/** The agent holding a chat hands it, and its request, to another available agent. */
export const transferChat = defineUseCase({
  input: transferChatSchema,
  identifies: ["chatId"],
  run: async (db: Database, viewer: Viewer, { chatId, agentId }): Promise<Outcome<{ requestId: number }>> => {
    if (!viewer.actor.isAgent) return notFound();
    const found = await findChatFor(db, viewer, chatId);
    if (!found.ok) return found;
    const target = await db.user.findFirst({ where: { id: agentId, isAgent: true, disabledAt: null }, select: { id: true, chatAvailable: true, chatSeenAt: true } });
    if (!target) return { ok: false, reason: "invalid", fieldErrors: { agentId: "invalid" } };
    const allowed = checkTransfer(viewer.actor, found.parties, { id: target.id, available: isAvailableForChat(target, viewer.now) });
    if (!allowed.ok) return refused(allowed.refusal);
    return handOver(db, viewer, found.chat, target.id, "transferred", { status: "active", agentId: viewer.actor.userId }, { code: "chat_ended", message: "This chat has ended." });
  },
});

/** The chat goes to `agentId` if it is still as `expected`, and the request is assigned with it. */
async function handOver(
  db: Database,
  viewer: Viewer,
  chat: ChatRow,
  agentId: string,
  kind: "joined" | "transferred",
  expected: { status: "waiting" | "active"; agentId?: string },
  taken: { code: string; message: string },
): Promise<Outcome<{ requestId: number }>> {
  const { now } = viewer;
  try {
    const changed = await changeRequest(db, {
      requestId: chat.requestId,
      viewer,
      may: ["work_request"],
      extraData: { assigneeId: agentId },
      extraWrites: async (tx) => {
        const { count } = await tx.chatSession.updateMany({
          where: { id: chat.id, ...expected },
          data: { status: "active", agentId, ...(kind === "joined" ? { acceptedAt: now } : {}) },
        });
        if (count === 0) throw new ChatTaken();
        // The idle clock starts again with the new agent (never backwards: the lines' order hangs on it).
        await tx.$executeRaw`UPDATE "ChatSession" SET "lastMessageAt" = GREATEST("lastMessageAt", ${now}) WHERE id = ${chat.id}`;
        await tx.requestEvent.create({ data: { requestId: chat.requestId, actorId: viewer.actor.userId, type: "assigned", data: { assigneeId: agentId }, createdAt: now } });
        const agent = await tx.user.findUniqueOrThrow({ where: { id: agentId }, select: { name: true } });
        await recordChatEvent(tx, chat.requestId, { kind, chatId: chat.id, agentName: agent.name });
      },
    });
    return changed.ok ? { ok: true, requestId: chat.requestId } : changed;
  } catch (error) {
    if (error instanceof ChatTaken) return refused(taken);
    throw error;
  }
}
