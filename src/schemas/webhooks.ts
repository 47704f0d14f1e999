import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/domain/webhook-events";
import { keyCursorParam } from "./list-params";

// Webhook endpoints in the agent console (docs/webhooks.md): what its forms and URLs send. An endpoint
// is a URL the events are posted to, signed with its secret; internal ones also get internal notes.

export { WEBHOOK_EVENTS, type WebhookEvent } from "@/domain/webhook-events";

export const MAX_WEBHOOK_URL_LENGTH = 2000;
export const MAX_WEBHOOK_DESCRIPTION_LENGTH = 200;

/** An endpoint's or a delivery's id as the database writes them (cuids); anything else is none. */
const rowId = z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/);

/**
 * Where events go: http or https only, and no user name or password in it — those would show in the
 * console and in logs; a receiver checks the signature instead.
 */
const webhookUrl = z
  .string()
  .trim()
  .min(1)
  .max(MAX_WEBHOOK_URL_LENGTH)
  .superRefine((value, context) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({ code: "custom", message: "invalid_url" });
      return;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") context.addIssue({ code: "custom", message: "invalid_url" });
    else if (url.username !== "" || url.password !== "") context.addIssue({ code: "custom", message: "credentials_in_url" });
  });

/** The checked events, once each; a form sends one value per checkbox (none, one or several). */
const webhookEvents = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((raw) => (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]))
  .pipe(z.array(z.enum(WEBHOOK_EVENTS, { error: "invalid" })))
  .transform((events) => WEBHOOK_EVENTS.filter((event) => events.includes(event)))
  .refine((events) => events.length > 0, { error: "no_events" });

/** A checkbox: sent as "on" (or "true") when ticked, absent when not. */
const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((raw) => raw === true || raw === "on" || raw === "true");

const endpointFields = {
  url: webhookUrl,
  description: z.string().trim().max(MAX_WEBHOOK_DESCRIPTION_LENGTH).optional().default(""),
  events: webhookEvents,
  internal: checkbox,
};

export const createWebhookEndpointSchema = z.object(endpointFields);
export type CreateWebhookEndpointInput = z.input<typeof createWebhookEndpointSchema>;

export const updateWebhookEndpointSchema = z.object({ endpointId: rowId, ...endpointFields });

export const webhookEndpointRefSchema = z.object({ endpointId: rowId });

export const setWebhookEndpointEnabledSchema = z.object({
  endpointId: rowId,
  enabled: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const listWebhookEndpointsSchema = z.object({});

/** One endpoint's delivery log, newest first, a page at a time. */
export const webhookDeliveryListSchema = z.object({ endpointId: rowId, after: keyCursorParam, before: keyCursorParam });
export type WebhookDeliveryListParams = z.infer<typeof webhookDeliveryListSchema>;

/** One delivery, within its endpoint: a delivery id under another endpoint's URL is none. */
export const webhookDeliveryRefSchema = z.object({ endpointId: rowId, deliveryId: rowId });
