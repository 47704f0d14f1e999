import type { Metadata } from "next";
import { cache } from "react";
import { getTranslations } from "@/server/entry/translations";
import { getDatabase } from "@/server/db";
import { found, requireAgentViewer } from "@/server/entry/viewer";
import { getWebhookDelivery } from "@/server/webhooks/console/deliveries";
import { DeliveryDetailView } from "@/ui/agent-webhooks/delivery-detail";
import { webhookDeliveryHref } from "@/ui/agent-webhooks/webhooks-href";
import { redeliverWebhookAction } from "../../../actions";

interface Props {
  params: Promise<{ endpointId: string; deliveryId: string }>;
}

// One delivery of an endpoint: its attempts, its payload, and Redeliver. Only agents: anyone else
// gets the same 404 as a delivery that does not exist.
const loadDelivery = cache(async (endpointId: string, deliveryId: string) => {
  const viewer = await requireAgentViewer(webhookDeliveryHref(endpointId, deliveryId));
  return found(await getWebhookDelivery(getDatabase(), viewer, { endpointId, deliveryId }));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { endpointId, deliveryId } = await params;
  const [{ delivery }, t] = await Promise.all([loadDelivery(endpointId, deliveryId), getTranslations("agentWebhooks")]);
  return { title: t("delivery.title", { event: delivery.event }) };
}

export default async function WebhookDeliveryPage({ params }: Props) {
  const { endpointId, deliveryId } = await params;
  const { delivery } = await loadDelivery(endpointId, deliveryId);
  return <DeliveryDetailView delivery={delivery} redeliverAction={redeliverWebhookAction} />;
}
