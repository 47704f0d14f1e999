import "server-only";
import { randomUUID } from "node:crypto";
import { chatSubject, checkChatStart, replyRoute } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import type { z } from "zod";
import { startChatSchema } from "@/schemas/chat";
import type { NewRequest } from "@/schemas/new-request";
import type { Database } from "@/server/db/client";
import { notFound, refused, type Outcome } from "@/server/outcome";
import type { Viewer } from "@/server/people/viewer";
import { recordChatEvent } from "@/server/realtime/stream-events";
import { changeRequestOnce } from "@/server/requests/change-request";
import { openNewRequest } from "@/server/requests/create-request";
import { findRequestFor } from "@/server/requests/request-gate";
import { replyToRequest } from "@/server/requests/reply-to-request";
import { submissionOf } from "@/server/submissions";
import { defineUseCase } from "@/server/use-case";
import { anyAgentAvailable } from "./presence";

// A customer starts a chat (docs/realtime.md, "Chat"): about one of their requests — the workflow's
// `chat_started` makes a Pending, On-hold or Solved request Open again, recorded as reopened by chat —
// or about a new topic, which opens a request by chat with the first message as its description.
// The chat waits for an agent. When nobody is available, nothing is lost: the message becomes a reply
// on the request, or a new request, answered by the ordinary workflow (and by email).

type StartChat = z.output<typeof startChatSchema>;

/** A chat waiting for an agent, or — nobody being available — the message left on the request. */
export type StartedChat = { mode: "chat"; chatId: string; requestId: number } | { mode: "left_message"; chatId: null; requestId: number };

export const startChat = defineUseCase({
  input: startChatSchema,
  identifies: ["requestId"],
  run: async (db: Database, given: Viewer, input): Promise<Outcome<StartedChat>> => {
    const viewer: Viewer = { ...given, channel: "chat" };
    const { actor, now } = viewer;
    const { requestId, message } = input;
    // About a request: read once through the gate, so a merged one is refused whoever is available
    // (a message left on it would be refused by the workflow too, under a reply's wording).
    let about: { mergedIntoId: number | null } | null = null;
    if (requestId !== undefined) {
      const opened = await findRequestFor(db, viewer, requestId, { select: { mergedIntoId: true } });
      if (!opened.ok) return opened;
      about = opened.request;
    }
    const allowed = checkChatStart(actor, about, await anyAgentAvailable(db, now));
    if (!allowed.ok) {
      if (allowed.refusal.code === "nobody_available") return leaveMessage(db, viewer, input);
      return refused(allowed.refusal);
    }
    const chatId = randomUUID();
    const startTheChat = async (tx: Prisma.TransactionClient, id: number) => {
      const customer = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
      const request = await tx.request.findUniqueOrThrow({ where: { id }, select: { subject: true } });
      await tx.chatSession.create({ data: { id: chatId, requestId: id, startedById: actor.userId, startedAt: now, lastMessageAt: now, status: "waiting" } });
      const line = await tx.chatMessage.create({ data: { sessionId: chatId, authorId: actor.userId, body: message, sentAt: now }, select: { id: true } });
      await recordChatEvent(tx, id, { kind: "waiting", chatId, customerName: customer.name, subject: request.subject });
      await recordChatEvent(tx, id, {
        kind: "message",
        chatId,
        message: { id: line.id, body: message, side: "customer", authorName: customer.name, sentAt: now.toISOString(), clientId: null },
      });
    };

    if (requestId === undefined) {
      const opened = await openNewRequest(db, viewer, newRequestFrom(input), startTheChat);
      return opened.ok ? { ok: true, mode: "chat", chatId, requestId: opened.id } : opened;
    }
    // One chat at a time per customer and request: starting again returns to the one still going on.
    const going = await db.chatSession.findFirst({ where: { requestId, startedById: actor.userId, status: { not: "ended" } }, select: { id: true } });
    if (going) return { ok: true, mode: "chat", chatId: going.id, requestId };
    return changeRequestOnce(
      db,
      {
        requestId,
        viewer,
        may: [],
        makeCommand: (state, _tx, { access }) => {
          if (replyRoute(actor, access, now) !== "thread") return notFound();
          const mayStart = checkChatStart(actor, state, true);
          if (!mayStart.ok) return refused(mayStart.refusal);
          return { type: "chat_started", at: now, customerId: actor.userId, chatSessionId: chatId };
        },
        extraWrites: (tx) => startTheChat(tx, requestId),
      },
      submissionOf("chat", input),
      () => ({ mode: "chat" as const, chatId, requestId }),
    );
  },
});

/** Nobody to chat with: the message is left as a reply on the request, or opens a new one — by chat. */
async function leaveMessage(db: Database, viewer: Viewer, input: StartChat): Promise<Outcome<StartedChat>> {
  if (input.requestId === undefined) {
    const opened = await openNewRequest(db, viewer, newRequestFrom(input));
    return opened.ok ? { ok: true, mode: "left_message", chatId: null, requestId: opened.id } : opened;
  }
  const replied = await replyToRequest.run(db, viewer, { requestId: input.requestId, body: input.message, attachmentIds: [], submissionKey: input.submissionKey });
  return replied.ok ? { ok: true, mode: "left_message", chatId: null, requestId: input.requestId } : replied;
}

function newRequestFrom(input: StartChat): NewRequest {
  return {
    organizationId: input.organizationId,
    subject: chatSubject(input.message),
    description: input.message,
    priority: "S3" as const,
    ccUserIds: [],
    attachmentIds: [],
    submissionKey: input.submissionKey,
  };
}
