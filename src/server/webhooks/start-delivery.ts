import "server-only";
import { readEnvironment } from "@/config/env";
import { getClock } from "@/server/clock";
import { getDatabase } from "@/server/db";
import { startPollingJob, type PollingJob } from "@/server/jobs/polling-job";
import { deliverDueWebhooks } from "./delivery";

// The webhook delivery job in this server process: every few seconds, due deliveries are sent in
// batches until nothing is due. Instances may run side by side: each delivery is claimed by one
// (./delivery.ts). With no endpoint set up a pass is one query that finds nothing.

const INTERVAL_MS = 5_000;
const BATCH_SIZE = 20;

const holder = globalThis as typeof globalThis & { porticoWebhookDelivery?: PollingJob };

export function startWebhookDelivery(log: Pick<Console, "info" | "error"> = console): void {
  if (holder.porticoWebhookDelivery) return;
  // A build sends nothing.
  if (readEnvironment().NEXT_PHASE === "phase-production-build") return;
  holder.porticoWebhookDelivery = startPollingJob({
    intervalMs: INTERVAL_MS,
    batchSize: BATCH_SIZE,
    failure: "Webhook delivery failed; trying again shortly.",
    log,
    runBatch: async () => {
      const result = await deliverDueWebhooks(getDatabase(), { now: getClock().now(), batchSize: BATCH_SIZE });
      if (result.retried + result.failed > 0) log.info(`Webhooks: ${result.delivered} delivered, ${result.retried} to retry, ${result.failed} given up.`);
      return result.delivered + result.retried + result.failed;
    },
  });
}
