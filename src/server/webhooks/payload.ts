import "server-only";
import { readEnvironment } from "@/config/env";
import type { WebhookEvent } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";

// What an event says (docs/webhooks.md "Payload"): the Standard Webhooks envelope — type, timestamp,
// data — with the request as it stands after the change, and the message or chat it brought. Read in
// the change's transaction, so the payload is the state that committed with it.

type Reader = Prisma.TransactionClient;

export interface WebhookPerson {
  id: string;
  name: string;
  email: string;
}

export interface WebhookRequest {
  id: number;
  subject: string;
  status: string;
  priority: string;
  channel: string;
  organization: { id: string; name: string };
  requester: WebhookPerson;
  assignee: WebhookPerson | null;
  createdAt: string;
  lastActivityAt: string;
  solvedAt: string | null;
  mergedIntoId: number | null;
  /** The request in the agent console; null without NEXTAUTH_URL. */
  url: string | null;
  /** request.created only: the requester's description, Markdown source. */
  description?: string;
}

export interface WebhookMessage {
  id: string;
  visibility: "public" | "internal";
  channel: string;
  author: { id: string; name: string; isAgent: boolean };
  /** Markdown source. */
  body: string;
  createdAt: string;
}

export interface WebhookChat {
  id: string;
  startedAt: string;
  endedAt: string | null;
  endedBy: string | null;
  messages: { id: string; author: { id: string; name: string; isAgent: boolean }; body: string; sentAt: string }[];
}

export interface WebhookPayload {
  type: WebhookEvent;
  timestamp: string;
  data: { request: WebhookRequest; message?: WebhookMessage; chat?: WebhookChat };
}

interface RequestRow {
  id: number;
  subject: string;
  description: string;
  status: string;
  priority: string;
  channel: string;
  createdAt: Date;
  lastActivityAt: Date;
  solvedAt: Date | null;
  mergedIntoId: number | null;
  organizationId: string;
  organizationName: string;
  requesterId: string;
  requesterName: string;
  requesterEmail: string;
  assigneeId: string | null;
  assigneeName: string | null;
  assigneeEmail: string | null;
}

/** The request's fields as events carry them; null when it does not exist (nothing is sent then). */
export async function webhookRequest(tx: Reader, requestId: number, options: { withDescription?: boolean } = {}): Promise<WebhookRequest | null> {
  // One query with its joins: Prisma would load the organization and the people side by side, which
  // a transaction's single connection only queues.
  const [request] = await tx.$queryRaw<RequestRow[]>`
    SELECT r.id, r.subject, r.description, r.status::text AS status, r.priority::text AS priority, r.channel::text AS channel,
           r."createdAt", r."lastActivityAt", r."solvedAt", r."mergedIntoId",
           o.id AS "organizationId", o.name AS "organizationName",
           q.id AS "requesterId", q.name AS "requesterName", q.email AS "requesterEmail",
           a.id AS "assigneeId", a.name AS "assigneeName", a.email AS "assigneeEmail"
    FROM "Request" r
    JOIN "Organization" o ON o.id = r."organizationId"
    JOIN "User" q ON q.id = r."requesterId"
    LEFT JOIN "User" a ON a.id = r."assigneeId"
    WHERE r.id = ${requestId}`;
  if (!request) return null;
  const publicUrl = readEnvironment().NEXTAUTH_URL?.replace(/\/+$/, "");
  return {
    id: request.id,
    subject: request.subject,
    status: request.status,
    priority: request.priority,
    channel: request.channel,
    organization: { id: request.organizationId, name: request.organizationName },
    requester: { id: request.requesterId, name: request.requesterName, email: request.requesterEmail },
    assignee: request.assigneeId ? { id: request.assigneeId, name: request.assigneeName ?? "", email: request.assigneeEmail ?? "" } : null,
    createdAt: iso(request.createdAt),
    lastActivityAt: iso(request.lastActivityAt),
    solvedAt: request.solvedAt ? iso(request.solvedAt) : null,
    mergedIntoId: request.mergedIntoId,
    // The agent console's page: webhooks are support's own tools.
    url: publicUrl ? `${publicUrl}/agent/requests/${request.id}` : null,
    ...(options.withDescription ? { description: request.description } : {}),
  };
}

function iso(value: Date | string): string {
  return new Date(value).toISOString();
}

/** A comment as message.created carries it; null when it is not on this request. */
export async function webhookMessage(tx: Reader, requestId: number, commentId: string): Promise<WebhookMessage | null> {
  const comment = await tx.comment.findFirst({
    where: { id: commentId, requestId },
    select: { id: true, visibility: true, channel: true, body: true, createdAt: true, author: { select: { id: true, name: true, isAgent: true } } },
  });
  if (!comment) return null;
  return { ...comment, createdAt: comment.createdAt.toISOString() };
}

/** An ended chat's transcript, which joins the request's thread as it ends. */
export async function webhookChat(tx: Reader, requestId: number, chatId: string): Promise<WebhookChat | null> {
  const chat = await tx.chatSession.findFirst({
    where: { id: chatId, requestId },
    select: {
      id: true,
      startedAt: true,
      endedAt: true,
      endedBy: true,
      messages: { orderBy: [{ sentAt: "asc" }, { id: "asc" }], select: { id: true, body: true, sentAt: true, author: { select: { id: true, name: true, isAgent: true } } } },
    },
  });
  if (!chat) return null;
  return {
    id: chat.id,
    startedAt: chat.startedAt.toISOString(),
    endedAt: chat.endedAt?.toISOString() ?? null,
    endedBy: chat.endedBy,
    messages: chat.messages.map((message) => ({ ...message, sentAt: message.sentAt.toISOString() })),
  };
}
