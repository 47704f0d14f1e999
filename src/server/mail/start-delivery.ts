import "server-only";
import { readEnvironment, readMailConfig } from "@/config/env";
import { getClock } from "@/server/clock";
import { getDatabase } from "@/server/db";
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
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const pass = async () => {
    try {
      for (;;) {
        const result = await deliverQueuedMail(getDatabase(), transport, { now: getClock().now(), batchSize: BATCH_SIZE, envelopeFrom });
        const handled = result.sent + result.retried + result.failed + result.suppressed;
        if (result.retried + result.failed > 0) log.info(`Mail: ${result.sent} sent, ${result.retried} to retry, ${result.failed} given up.`);
        if (handled < BATCH_SIZE || stopped) break;
      }
    } catch (error) {
      log.error("Mail delivery failed; trying again shortly.", error);
    } finally {
      if (!stopped) {
        timer = setTimeout(pass, INTERVAL_MS);
        timer.unref();
      }
    }
  };
  timer = setTimeout(pass, INTERVAL_MS);
  timer.unref();
  log.info(`Mail: sending through ${new URL(config.smtpUrl).host}.`);
  holder.porticoMailDelivery = {
    stop() {
      stopped = true;
      clearTimeout(timer);
      transport.close?.();
    },
  };
}
