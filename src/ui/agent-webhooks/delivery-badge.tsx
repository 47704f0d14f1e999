import type { WebhookDeliveryStatus } from "@/server/webhooks/console/deliveries";

// A delivery's state: failed stands out, delivered is quiet, the rest is on its way.

const BADGE = "inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

const TONE: Record<WebhookDeliveryStatus, string> = {
  queued: "bg-sky-50 text-sky-800 ring-sky-300",
  sending: "bg-sky-50 text-sky-800 ring-sky-300",
  delivered: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  failed: "bg-red-50 text-red-800 ring-red-300",
};

export function DeliveryStatusBadge({ status, label }: { status: WebhookDeliveryStatus; label: string }) {
  return <span className={`${BADGE} ${TONE[status]}`}>{label}</span>;
}

/** Whether an endpoint takes events: off ones are greyed, not hidden. */
export function EndpointStateBadge({ enabled, label }: { enabled: boolean; label: string }) {
  return <span className={`${BADGE} ${enabled ? "bg-emerald-50 text-emerald-800 ring-emerald-300" : "bg-slate-100 text-slate-700 ring-slate-300"}`}>{label}</span>;
}
