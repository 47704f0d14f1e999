// Which webhook events a change to a request is, and which endpoints hear of each (docs/webhooks.md):
// - a new request: request.created (it carries the description);
// - a comment: message.created, and request.updated too when the comment is public (a reply moves
//   the request's status and activity); an internal note is message.created alone, and only for
//   endpoints marked internal — it changes nothing else, and others never learn of it;
// - anything else (status, priority, assignee, CCs, a rating, a merge, a chat's transcript joining
//   the thread): request.updated.

/** The events an endpoint may subscribe to, in the order the console offers them. */
export const WEBHOOK_EVENTS = ["request.created", "request.updated", "message.created"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface RequestChangeForWebhooks {
  created: boolean;
  /** The comment the change wrote, if any. */
  comment: "public" | "internal" | null;
  /** The change is seen by agents alone (an internal note without its comment at hand). */
  internal: boolean;
}

export interface WebhookEventPlan {
  type: WebhookEvent;
  /** Only endpoints marked internal receive it. */
  internal: boolean;
}

export function webhookEventsOf(change: RequestChangeForWebhooks): WebhookEventPlan[] {
  if (change.created) return [{ type: "request.created", internal: false }];
  const internal = change.comment ? change.comment === "internal" : change.internal;
  const events: WebhookEventPlan[] = [];
  if (change.comment) events.push({ type: "message.created", internal });
  if (!internal) events.push({ type: "request.updated", internal: false });
  return events;
}

export interface WebhookSubscription {
  events: readonly string[];
  internal: boolean;
}

export function endpointReceives(endpoint: WebhookSubscription, event: WebhookEventPlan): boolean {
  return endpoint.events.includes(event.type) && (!event.internal || endpoint.internal);
}
