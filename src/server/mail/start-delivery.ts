import "server-only";
import { readEnvironment, readMailConfig } from "@/config/env";
import { getClock } from "@/server/clock";
import { getDatabase } from "@/server/db";
import { startPollingJob } from "@/server/jobs/polling-job";
import { deliverQueuedMail, smtpTransport, type MailTransport } from "./delivery";

// The delivery job in this server process: every few seconds, the outbox is sent in batches until
// nothing is due. Without SMTP_URL mail is kept for the Mail page and nothing runs. Instances may run
// side by side: each mail is claimed by one (./delivery.ts).

const INTERVAL_MS = 5_000;
const BATCH_SIZE = 20;

const holder = globalThis as typeof globalThis & { porticoMailDelivery?: { stop(): void } };

export function startMailDelivery(log: Pick<Console, "info" | "error"> = console): void {
  if (holder.porticoMailDelivery) return;
  // A build sends nothing.
  if (readEnvironment().NEXT_PHASE === "phase-production-build") return;
  const config = readMailConfig();
  if (!config.smtpUrl) {
    log.info("Mail: no SMTP_URL, so outgoing mail is kept on the agent console's Mail page and not sent.");
    return;
  }
  const transport: MailTransport = smtpTransport(config.smtpUrl);
  const envelopeFrom = `${config.from.local}@${config.from.domain}`;
  const job = startPollingJob({
    intervalMs: INTERVAL_MS,
    batchSize: BATCH_SIZE,
    failure: "Mail delivery failed; trying again shortly.",
    log,
    runBatch: async () => {
      const result = await deliverQueuedMail(getDatabase(), transport, { now: getClock().now(), batchSize: BATCH_SIZE, envelopeFrom });
      if (result.retried + result.failed > 0) log.info(`Mail: ${result.sent} sent, ${result.retried} to retry, ${result.failed} given up.`);
      return result.sent + result.retried + result.failed + result.suppressed;
    },
  });
  log.info(`Mail: sending through ${new URL(config.smtpUrl).host}.`);
  holder.porticoMailDelivery = {
    stop() {
      job.stop();
      transport.close?.();
    },
  };
}
