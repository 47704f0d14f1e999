import "server-only";
import { readEnvironment } from "@/config/env";
import { getClock } from "@/server/clock";
import { getDatabase } from "@/server/db";
import { deliverDueWebhooks } from "./delivery";

// The webhook delivery job in this server process: every few seconds, due deliveries are sent in
// batches until nothing is due. Instances may run side by side: each delivery is claimed by one
// (./delivery.ts). With no endpoint set up a pass is one query that finds nothing.

const INTERVAL_MS = 5_000;
const BATCH_SIZE = 20;

const holder = globalThis as typeof globalThis & { porticoWebhookDelivery?: { stop(): void } };

export function startWebhookDelivery(log: Pick<Console, "info" | "error"> = console): void {
  if (holder.porticoWebhookDelivery) return;
  // A build sends nothing.
  if (readEnvironment().NEXT_PHASE === "phase-production-build") return;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const pass = async () => {
    try {
      for (;;) {
        const result = await deliverDueWebhooks(getDatabase(), { now: getClock().now(), batchSize: BATCH_SIZE });
        const handled = result.delivered + result.retried + result.failed;
        if (result.retried + result.failed > 0) log.info(`Webhooks: ${result.delivered} delivered, ${result.retried} to retry, ${result.failed} given up.`);
        if (handled < BATCH_SIZE || stopped) break;
      }
    } catch (error) {
      log.error("Webhook delivery failed; trying again shortly.", error);
    } finally {
      if (!stopped) {
        timer = setTimeout(pass, INTERVAL_MS);
        timer.unref();
      }
    }
  };
  timer = setTimeout(pass, INTERVAL_MS);
  timer.unref();
  holder.porticoWebhookDelivery = {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
