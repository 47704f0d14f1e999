import "server-only";
import { randomBytes } from "node:crypto";
import { endpointReceives, webhookEventsOf, type WebhookEventPlan } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import { getClock } from "@/server/clock";
import type { StreamEventInput } from "@/server/realtime/stream-events";
import { webhookChat, webhookMessage, webhookRequest, type WebhookPayload } from "./payload";

// Webhook deliveries are written in the change's own transaction (docs/webhooks.md), next to its
// stream event: a change undone sends nothing, and a change made is sent even if the server stops
// right after. Which events a change is, and who hears of each, is the domain's rule.

/** A Standard Webhooks message id: one per event, the same for every endpoint and for a redelivery. */
export function newWebhookMessageId(): string {
  return `msg_${randomBytes(18).toString("base64url")}`;
}

export async function enqueueWebhooks(tx: Prisma.TransactionClient, event: StreamEventInput, now: Date = getClock().now()): Promise<void> {
  // The one query every change pays when no endpoint is set up.
  const endpoints = await tx.webhookEndpoint.findMany({ where: { enabled: true }, select: { id: true, events: true, internal: true } });
  if (endpoints.length === 0) return;
  const rows: Prisma.WebhookDeliveryCreateManyInput[] = [];
  for (const { plan, payload } of await plannedEvents(tx, event, now)) {
    const messageId = newWebhookMessageId();
    for (const endpoint of endpoints) {
      if (!endpointReceives(endpoint, plan)) continue;
      rows.push({ endpointId: endpoint.id, messageId, event: plan.type, requestId: event.requestId, payload: payload as unknown as Prisma.InputJsonObject, nextAttemptAt: now });
    }
  }
  if (rows.length > 0) await tx.webhookDelivery.createMany({ data: rows });
}

/** The change's events with their payloads, read in its transaction. */
async function plannedEvents(tx: Prisma.TransactionClient, event: StreamEventInput, now: Date): Promise<{ plan: WebhookEventPlan; payload: WebhookPayload }[]> {
  const data = event.data as Record<string, unknown>;
  const timestamp = now.toISOString();
  const created = data.created === true;
  const request = await webhookRequest(tx, event.requestId, { withDescription: created });
  if (!request) return [];
  const message = !created && typeof data.commentId === "string" ? await webhookMessage(tx, event.requestId, data.commentId) : null;
  const plans = webhookEventsOf({ created, comment: message?.visibility ?? null, internal: event.internal });
  const chat = plans.some((plan) => plan.type === "request.updated") && typeof data.chatId === "string" ? await webhookChat(tx, event.requestId, data.chatId) : null;
  const dataOf = (plan: WebhookEventPlan) => (plan.type === "request.updated" ? { request, ...(chat ? { chat } : {}) } : message ? { request, message } : { request });
  return plans.map((plan) => ({ plan, payload: { type: plan.type, timestamp, data: dataOf(plan) } }));
}
