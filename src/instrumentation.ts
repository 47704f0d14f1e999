// Next.js calls `register` once when a server process starts: the place to release what each render's
// end would otherwise keep (src/server/runtime/abort-reasons.ts), to bound the heap's growth
// (src/server/runtime/heap-growth.ts), to start the automation's
// timer (docs/automation.md), the inbound mail transports and the mail delivery job (docs/email.md), and the webhook delivery job
// (docs/webhooks.md), in the Node.js runtime only.

export async function register(): Promise<void> {
  // Next.js inlines NEXT_RUNTIME at build time, so this literal check is what keeps the database code
  // out of any Edge bundle; it cannot go through src/config/env.ts.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { releaseAbortReasonFrames } = await import("./server/runtime/abort-reasons");
  releaseAbortReasonFrames();
  const { readRuntimeConfig } = await import("./config/env");
  const { heapGrowthPercent } = readRuntimeConfig();
  if (heapGrowthPercent > 0) (await import("./server/runtime/heap-growth")).limitHeapGrowth(heapGrowthPercent);
  const { startAutomation } = await import("./server/automation/start-automation");
  startAutomation();
  const { startInboundMail } = await import("./server/mail/inbound/start-inbound");
  startInboundMail();
  const { startMailDelivery } = await import("./server/mail/start-delivery");
  startMailDelivery();
  const { startWebhookDelivery } = await import("./server/webhooks/start-delivery");
  startWebhookDelivery();
}
