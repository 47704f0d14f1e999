import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { getClock } from "@/server/clock";
import type { StreamEventInput } from "@/server/realtime/stream-events";
import { webhookChat, webhookMessage, webhookRequest, type WebhookEventType, type WebhookPayload } from "./payload";

// Webhook deliveries are written in the change's own transaction (docs/webhooks.md), next to its
// stream event: a change undone sends nothing, and a change made is sent even if the server stops
// right after. Which events a change is:
// - a new request: request.created (with its description);
// - a comment: message.created, and request.updated too when the comment is public (a reply moves
//   the request's status and activity); an internal note goes only to endpoints marked internal,
//   as message.created alone — it changes nothing else, and others never learn of it;
// - anything else (status, priority, assignee, CCs, a rating, a merge, a chat's transcript joining
//   the thread): request.updated.

/** A Standard Webhooks message id: one per event, the same for every endpoint and for a redelivery. */
export function newWebhookMessageId(): string {
  return `msg_${randomBytes(18).toString("base64url")}`;
}

interface PlannedEvent {
  type: WebhookEventType;
  /** Only for endpoints marked internal. */
  internal: boolean;
  payload: WebhookPayload;
}

export async function enqueueWebhooks(tx: Prisma.TransactionClient, event: StreamEventInput, now: Date = getClock().now()): Promise<void> {
  // The one query every change pays when no endpoint is set up.
  const endpoints = await tx.webhookEndpoint.findMany({ where: { enabled: true }, select: { id: true, events: true, internal: true } });
  if (endpoints.length === 0) return;
  const planned = await plannedEvents(tx, event, now);
  const rows: Prisma.WebhookDeliveryCreateManyInput[] = [];
  for (const { type, internal, payload } of planned) {
    const messageId = newWebhookMessageId();
    for (const endpoint of endpoints) {
      if (!endpoint.events.includes(type) || (internal && !endpoint.internal)) continue;
      rows.push({ endpointId: endpoint.id, messageId, event: type, requestId: event.requestId, payload: payload as unknown as Prisma.InputJsonObject, nextAttemptAt: now });
    }
  }
  if (rows.length > 0) await tx.webhookDelivery.createMany({ data: rows });
}

async function plannedEvents(tx: Prisma.TransactionClient, event: StreamEventInput, now: Date): Promise<PlannedEvent[]> {
  const data = event.data as Record<string, unknown>;
  const timestamp = now.toISOString();
  const created = data.created === true;
  const request = await webhookRequest(tx, event.requestId, { withDescription: created });
  if (!request) return [];
  if (created) return [{ type: "request.created", internal: false, payload: { type: "request.created", timestamp, data: { request } } }];

  const message = typeof data.commentId === "string" ? await webhookMessage(tx, event.requestId, data.commentId) : null;
  const internalNote = message ? message.visibility === "internal" : event.internal;
  const events: PlannedEvent[] = [];
  if (message) events.push({ type: "message.created", internal: internalNote, payload: { type: "message.created", timestamp, data: { request, message } } });
  if (!internalNote) {
    const chat = typeof data.chatId === "string" ? await webhookChat(tx, event.requestId, data.chatId) : null;
    events.push({ type: "request.updated", internal: false, payload: { type: "request.updated", timestamp, data: { request, ...(chat ? { chat } : {}) } } });
  }
  return events;
}
