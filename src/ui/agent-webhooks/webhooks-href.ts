/** The webhook pages of the agent console. */
export const WEBHOOKS_PATH = "/agent/webhooks";

export const webhookEndpointHref = (endpointId: string, cursor?: { after: string } | { before: string }) => {
  const path = `${WEBHOOKS_PATH}/${encodeURIComponent(endpointId)}`;
  if (!cursor) return path;
  const query = new URLSearchParams("after" in cursor ? { after: cursor.after } : { before: cursor.before });
  return `${path}?${query.toString()}`;
};

export const webhookDeliveryHref = (endpointId: string, deliveryId: string) => `${webhookEndpointHref(endpointId)}/deliveries/${encodeURIComponent(deliveryId)}`;
