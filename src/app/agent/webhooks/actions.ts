"use server";

import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { agentAction, agentPost } from "@/server/entry/actions";
import type { Outcome } from "@/server/outcome";
import { redeliverWebhook } from "@/server/webhooks/console/deliveries";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookSecret,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
} from "@/server/webhooks/console/endpoints";
import { webhookDeliveryHref, webhookEndpointHref, WEBHOOKS_PATH } from "@/ui/agent-webhooks/webhooks-href";

// The webhook pages' forms: for agents only (anyone else gets the same "not found" as an endpoint
// that does not exist); each use case decides again.

const messages = { namespace: "agentWebhooks" };
const sent = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

// A new endpoint opens on its own page, where its secret is.
export const createWebhookEndpointAction = agentAction(createWebhookEndpoint, {
  messages,
  redirectTo: ({ endpointId }) => webhookEndpointHref(endpointId),
  revalidate: () => [WEBHOOKS_PATH],
});

export const updateWebhookEndpointAction = agentAction(updateWebhookEndpoint, {
  messages,
  done: () => "done.updated",
  revalidate: (values) => [WEBHOOKS_PATH, webhookEndpointHref(sent(values.endpointId))],
});

export const redeliverWebhookAction = agentAction(redeliverWebhook, {
  messages,
  done: () => "done.redelivered",
  revalidate: (values) => [webhookEndpointHref(sent(values.endpointId)), webhookDeliveryHref(sent(values.endpointId), sent(values.deliveryId))],
});

// Plain posts that answer by showing the page again in its new state (the page's one status line is
// the settings form's); one that is gone meanwhile is the not-found page.
function backToEndpoint(outcome: Outcome<{ endpointId: string }>) {
  if (!outcome.ok) notFound();
  revalidatePath(WEBHOOKS_PATH);
  revalidatePath(webhookEndpointHref(outcome.endpointId));
  redirect(webhookEndpointHref(outcome.endpointId));
}

export const setWebhookEndpointEnabledAction = agentPost(setWebhookEndpointEnabled, { then: backToEndpoint });

export const rotateWebhookSecretAction = agentPost(rotateWebhookSecret, { then: backToEndpoint });

// Deleting answers by going back to the list, where the endpoint is no longer (or already was not).
export const deleteWebhookEndpointAction = agentPost(deleteWebhookEndpoint, {
  then: () => {
    revalidatePath(WEBHOOKS_PATH);
    redirect(WEBHOOKS_PATH);
  },
});
