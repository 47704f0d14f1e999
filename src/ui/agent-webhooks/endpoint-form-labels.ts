import "server-only";
import { getTranslations } from "@/server/entry/translations";
import type { WebhookEvent } from "@/schemas/webhooks";
import type { EndpointFormLabels } from "./endpoint-form";

/** The endpoint form's texts in the agent's language, for a new endpoint or an edit. */
export async function endpointFormLabels(kind: "new" | "edit"): Promise<EndpointFormLabels> {
  const t = await getTranslations("agentWebhooks");
  return {
    heading: kind === "new" ? t("form.newHeading") : t("form.editHeading"),
    url: t("fields.url"),
    urlHint: t("form.urlHint"),
    description: t("fields.description"),
    events: t("fields.events"),
    eventNames: {
      "request.created": t("events.request_created"),
      "request.updated": t("events.request_updated"),
      "message.created": t("events.message_created"),
    } satisfies Record<WebhookEvent, string>,
    internal: t("fields.internal"),
    internalHint: t("form.internalHint"),
    submit: kind === "new" ? t("form.create") : t("form.save"),
    submitting: t("form.submitting"),
  };
}
